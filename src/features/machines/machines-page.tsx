// /machines and /machines/<machine>: the fleet as a sortable, filterable table (virtualized for
// thousands of machines), tags for a multi-selection, and the panel of the opened machine.
import { useEffect, useMemo, useState } from "react";
import { useParams } from "wouter";
import { decodeParam } from "../../state/addresses";
import { useClanDoc, useNixMachines } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { machinesOf } from "../../model/accessors";
import { own } from "../../lib/json";
import { tagOverview } from "../../model/tag-overview";
import { Button } from "../../ui/button";
import { Input, Select } from "../../ui/input";
import { ListPage } from "../../ui/list-page";
import { MachineDetail } from "./machine-detail";
import { filterRows, machineRows, sortRows, withNixOnlyMachines, type MachineRow, type RowFilter, type SortDir, type SortKey } from "./machine-rows";
import { MachineTable } from "./machine-table";
import { useMachinesView } from "./machines-view";
import { NewMachineDialog } from "./new-machine-dialog";
import { SelectionBar } from "./selection-bar";
import { plural } from "../../model/plural";

export function MachinesPage() {
  const params = useParams<{ machine?: string }>();
  const current = params.machine === undefined ? undefined : decodeParam(params.machine);
  const doc = useEditor((s) => s.doc);
  const filter = useMachinesView((s) => s.filter);
  const sort = useMachinesView((s) => s.sort);
  const prune = useMachinesView((s) => s.prune);
  const [creating, setCreating] = useState(false);

  const nixMachines = useNixMachines();
  // The clan's view holds the tags Nix gives the machines only Nix defines.
  const clan = useClanDoc();
  const rows = useMemo(() => withNixOnlyMachines(machineRows(doc), nixMachines, doc, clan), [doc, nixMachines, clan]);
  const shown = useMemo(() => shownRows(rows, filter, sort), [rows, filter, sort]);
  useEffect(() => {
    const machines = machinesOf(doc);
    prune((name) => own(machines, name) !== undefined);
  }, [doc, prune]);

  return (
    <ListPage
      title="Machines"
      tools={
        <>
          <p className="text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
            {shown.length === rows.length ? plural(rows.length, "machine") : `${shown.length} of ${plural(rows.length, "machine")} shown`}
          </p>
          <Filters />
          <Button variant="primary" className="ml-auto" onClick={() => setCreating(true)}>
            New machine
          </Button>
        </>
      }
    >
      <SelectionBar />
      <div className="flex min-h-0 flex-1">
        <MachineTable rows={shown} current={current} />
        {current !== undefined && <MachineDetail key={current} name={current} />}
      </div>
      {creating && <NewMachineDialog onClose={() => setCreating(false)} />}
    </ListPage>
  );
}

// The last table's rows, kept across visits: coming back to the page with the same fleet,
// filter and order (all three keep their identity until they change) sorts nothing again.
let lastShown: { rows: MachineRow[]; filter: RowFilter; sort: { key: SortKey; dir: SortDir }; shown: MachineRow[] } | undefined;

function shownRows(rows: MachineRow[], filter: RowFilter, sort: { key: SortKey; dir: SortDir }): MachineRow[] {
  if (lastShown && lastShown.rows === rows && lastShown.filter === filter && lastShown.sort === sort) return lastShown.shown;
  const shown = sortRows(filterRows(rows, filter), sort.key, sort.dir);
  lastShown = { rows, filter, sort, shown };
  return shown;
}

function Filters() {
  const doc = useEditor((s) => s.doc);
  const filter = useMachinesView((s) => s.filter);
  const setFilter = useMachinesView((s) => s.setFilter);
  const tags = useMemo(() => tagOverview(doc).filter((t) => t.machines.length > 0 && !(t.reserved && !t.overridden)), [doc]);
  return (
    <div role="search" aria-label="Filter machines" className="flex flex-wrap items-center gap-2">
      <Input type="search" aria-label="Filter machines" placeholder="Name, tag, host, description…" value={filter.text} onChange={(e) => setFilter({ text: e.currentTarget.value })} className="w-72" />
      <Select aria-label="Filter by class" value={filter.machineClass} onChange={(e) => setFilter({ machineClass: e.currentTarget.value as never })}>
        <option value="">Any class</option>
        <option value="nixos">nixos</option>
        <option value="darwin">darwin</option>
      </Select>
      <Select aria-label="Filter by tag" value={filter.tag} onChange={(e) => setFilter({ tag: e.currentTarget.value })}>
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t.tag} value={t.tag}>
            {t.tag} ({t.machines.length})
          </option>
        ))}
        {filter.tag && !tags.some((t) => t.tag === filter.tag) && <option value={filter.tag}>{filter.tag} (0)</option>}
      </Select>
    </div>
  );
}
