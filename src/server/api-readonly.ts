// GET /api/readonly: which parts of the inventory Nix defines (docs/clan-semantics.md "What inventory.json may change"), as a list of locks.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readInventoryJson } from "../formats/inventory-json";
import { sendJson } from "./http-util";
import { readInventoryFile } from "./inventory-file";
import type { ClanContext } from "./clan-context";

export async function getReadonly(ctx: ClanContext, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  const snap = await readInventoryFile(ctx.file);
  const read = readInventoryJson(snap.text, "inventory.json");
  const state = await ctx.readonly.state(read.ok ? read.doc : {});
  sendJson(res, 200, { ...state, etag: snap.etag });
}
