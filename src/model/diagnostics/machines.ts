// Machine fields Nix accepts but clan-cli cannot use: deploy addresses it cannot parse
// (docs/clan-semantics.md "Machine fields"; the parser is src/model/deploy-host.ts, shared with the machine commands).
import { machinesOf } from "../accessors";
import { deployHostProblem } from "../deploy-host";
import { isObject, own } from "../../lib/json";
import { memo, type Context, type Memo } from "./context";

const cache = new WeakMap<object, Memo>();

export function checkMachines(ctx: Context): void {
  const machines = machinesOf(ctx.doc);
  for (const name of Object.keys(machines)) {
    const machine = machines[name];
    const deploy = isObject(machine) ? own(machine, "deploy") : undefined;
    if (!isObject(deploy)) continue;
    memo(ctx, cache, deploy, [name], (c) => {
      for (const field of ["targetHost", "buildHost"]) {
        const value = own(deploy, field);
        if (typeof value !== "string") continue; // null = not set; other types: structure reports
        const problem = deployHostProblem(value);
        if (!problem) continue;
        c.report("warning", "deploy-host", ["machines", name, "deploy", field], `deploy.${field} of machine "${name}": ${problem} Nix accepts it, but clan-cli cannot connect to the machine with it.`);
      }
    });
  }
}
