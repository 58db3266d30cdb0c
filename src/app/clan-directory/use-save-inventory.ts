// Saving inventory.json: a react-query mutation (PUT with If-Match), the Ctrl/Cmd+S shortcut,
// the warning before leaving with unsaved changes, and the choices after a conflict.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { writeInventoryJson } from "../../formats/inventory-json";
import { useNotices } from "../../state/notices";
import { useEditor } from "../../state/store";
import { inventoryQuery, readonlyQuery, saveInventory, SaveConflict, SaveLocked } from "../../state/clan-directory/inventory-api";
import { takeDiskVersion } from "./disk-version";
import { openVersion } from "./open-inventory";
import { labelsSinceSave, markSaved, useSaveState } from "../../state/clan-directory/save-state";

export interface SaveActions {
  /** Saves the editor's document on the version it was opened from. */
  save(): Promise<void>;
  /** After a conflict: save the editor's document over the version now on disk. */
  overwrite(): Promise<void>;
  /** After a conflict: take the version on disk (undoable). */
  takeTheirs(): void;
  /** After a conflict: keep editing; the next save asks again. */
  dismissConflict(): void;
}

export function useSaveInventory(): SaveActions {
  const queryClient = useQueryClient();
  const { mutateAsync } = useMutation({ mutationFn: saveInventory });

  const run = useCallback(
    (overwrite: boolean): Promise<void> => {
      // One try; a retry calls it again (a named function: the callback cannot call itself).
      const attemptSave = async (overwrite: boolean, attempt: number): Promise<void> => {
        const st = useSaveState.getState();
        if (!st.active || st.blocked || st.saving) return;
        const editor = useEditor.getState();
        const etag = overwrite && st.conflict ? st.conflict.theirs.etag : st.etag;
        if (etag === null) return;
        if (!overwrite && !st.dirty) {
          editor.announce("No unsaved changes");
          return;
        }
        const doc = editor.doc;
        const labels = labelsSinceSave(editor.past, editor.future, st.savedAt);
        useSaveState.setState({ saving: true });
        let retry = false;
        try {
          const result = await mutateAsync({ doc, etag, labels });
          markSaved(doc, result.etag);
          queryClient.setQueryData(inventoryQuery().queryKey, { text: writeInventoryJson(doc), etag: result.etag, exists: true });
          // What Nix defines may read differently against the new file.
          void queryClient.invalidateQueries({ queryKey: readonlyQuery().queryKey });
          useEditor.getState().announce(result.git.action === "committed" ? "Saved and committed inventory.json" : "Saved inventory.json");
          if (result.git.error) useNotices.getState().push({ kind: "error", title: "Saved inventory.json, but git refused", detail: result.git.error });
        } catch (e) {
          if (e instanceof SaveConflict && !overwrite && attempt < 3 && takeDiskVersion(e.theirs) === "merged") {
            // Another page saved first, on other things: merged with it, this save goes on.
            retry = true;
          } else if (e instanceof SaveConflict) {
            useSaveState.setState({ conflict: { theirs: e.theirs } });
            useEditor.getState().announce("Not saved: inventory.json changed on disk");
          } else if (e instanceof SaveLocked) {
            useNotices.getState().push({ kind: "error", title: "Not saved: the change touches values defined in Nix", detail: e.message });
          } else {
            useNotices.getState().push({ kind: "error", title: "Could not save inventory.json", detail: (e as Error).message });
          }
        } finally {
          useSaveState.setState({ saving: false });
        }
        if (retry) return attemptSave(false, attempt + 1);
      };
      return attemptSave(overwrite, 0);
    },
    [mutateAsync, queryClient],
  );

  return {
    save: useCallback(() => run(false), [run]),
    overwrite: useCallback(() => run(true), [run]),
    takeTheirs: useCallback(() => {
      const conflict = useSaveState.getState().conflict;
      if (!conflict) return;
      if (openVersion(conflict.theirs, "replace")) {
        queryClient.setQueryData(inventoryQuery().queryKey, conflict.theirs);
        useEditor.getState().announce("Opened the version of inventory.json on disk (undo brings yours back)");
      }
    }, [queryClient]),
    dismissConflict: useCallback(() => useSaveState.setState({ conflict: null }), []),
  };
}

/** Ctrl/Cmd+S saves — also while typing in a field, where it is what the user means. */
export function useSaveShortcut(save: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== "s") return;
      e.preventDefault();
      save();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);
}

/** The browser asks before the page is left (reload, close, address) with unsaved changes. */
export function useWarnBeforeLeaving(): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!useSaveState.getState().dirty) return;
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);
}
