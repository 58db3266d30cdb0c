// INTERIM placeholder: the export issue (#7) fills this with formats, preview and diff.
import { useEditor } from "../../app/store";
import { writeInventoryJson } from "../../formats/inventory-json";
import { Dialog } from "../../ui/dialog";

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const doc = useEditor((s) => s.doc);
  return (
    <Dialog title="Export inventory" onClose={onClose}>
      <pre className="max-h-[60vh] overflow-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-900">{writeInventoryJson(doc)}</pre>
    </Dialog>
  );
}
