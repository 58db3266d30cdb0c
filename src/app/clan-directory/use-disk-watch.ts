// inventory.json may change behind the editor's back: another page on this clan directory saves,
// a text editor, git pull or clan writes it. The server announces each new version
// (GET /api/events, Server-Sent Events); the page then reads it and merges it with its unsaved
// edits (disk-version.ts). When the window comes back into view it also asks, in case the
// stream was cut (the server restarted, the laptop slept).
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { takeDiskVersion } from "./disk-version";
import { fetchInventory, inventoryQuery } from "../../state/clan-directory/inventory-api";
import { useSaveState } from "../../state/clan-directory/save-state";
import { clanDirectoryToken } from "../../state/clan-directory/session";

export function useDiskWatch(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let busy = false;
    let again = false;
    const check = async () => {
      if (busy) {
        again = true;
        return;
      }
      const st = useSaveState.getState();
      if (!st.active || st.blocked || st.conflict || st.etag === null) return;
      busy = true;
      try {
        const version = await fetchInventory();
        // A save of this page under way answers for itself (its new ETag, or a conflict).
        if (useSaveState.getState().saving) {
          again = true;
          return;
        }
        if (takeDiskVersion(version) === "merged") queryClient.setQueryData(inventoryQuery().queryKey, version);
      } catch {
        // The server is gone or busy: the next save will say so.
      } finally {
        busy = false;
        if (again) {
          again = false;
          setTimeout(() => void check(), 200);
        }
      }
    };
    const token = clanDirectoryToken();
    const events = token && typeof EventSource === "function" ? new EventSource(`/api/events?token=${encodeURIComponent(token)}`) : null;
    events?.addEventListener("inventory", (e) => {
      const { etag } = JSON.parse((e as MessageEvent<string>).data) as { etag: string };
      if (etag !== useSaveState.getState().etag) void check();
    });
    // Saving finished while a change was announced: look again.
    const unsubscribe = useSaveState.subscribe((s, prev) => {
      if (prev.saving && !s.saving && again) {
        again = false;
        void check();
      }
    });
    const onVisibility = () => {
      if (document.visibilityState === "visible") void check();
    };
    window.addEventListener("focus", onVisibility);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      events?.close();
      unsubscribe();
      window.removeEventListener("focus", onVisibility);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [queryClient]);
}
