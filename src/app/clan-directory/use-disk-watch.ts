// inventory.json may change behind the editor's back (a text editor, git pull, clan-cli). When
// the window comes back into view the editor asks the server: without unsaved changes it shows
// the new version (undoable); with unsaved changes it says so, and the next save shows both.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useNotices } from "../notices";
import { fetchInventory, inventoryQuery } from "./inventory-api";
import { openVersion } from "./open-inventory";
import { useSaveState } from "./save-state";

export function useDiskWatch(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let busy = false;
    const check = async () => {
      if (busy || document.visibilityState !== "visible") return;
      const st = useSaveState.getState();
      if (!st.active || st.blocked || st.saving || st.conflict || st.etag === null) return;
      busy = true;
      try {
        const version = await fetchInventory();
        const now = useSaveState.getState();
        if (version.etag === now.etag || now.saving || now.conflict) return;
        if (now.dirty) {
          useSaveState.setState({ changedOnDisk: true });
        } else if (openVersion(version, "replace")) {
          queryClient.setQueryData(inventoryQuery().queryKey, version);
          useNotices.getState().push({ kind: "info", title: "inventory.json changed on disk", detail: "The editor now shows the new version; Undo returns to the one before." });
        }
      } catch {
        // The server is gone or busy: the next save will say so.
      } finally {
        busy = false;
      }
    };
    const onVisibility = () => void check();
    window.addEventListener("focus", onVisibility);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("focus", onVisibility);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [queryClient]);
}
