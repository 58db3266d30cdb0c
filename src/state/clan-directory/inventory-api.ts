// The local server's inventory API as fetchers and react-query options (src/server/api-inventory.ts
// is the other side): GET gives the file's text and ETag, PUT saves on the version it names.
import { formatPath } from "../../model/path-text";
import { queryOptions } from "@tanstack/react-query";
import { writeInventoryJson } from "../../formats/inventory-json";
import type { Inventory } from "../../model/inventory-schema";
import type { LockedPath } from "../../model/locked-paths";
import { apiFetch } from "./session";

export interface InventoryVersion {
  /** The file's text; `{}` for a missing file. */
  text: string;
  etag: string;
  exists: boolean;
}

export interface SessionInfo {
  dir: string;
  name: string;
  git: boolean;
  gitCommit: boolean;
  nix: boolean;
  nixProblem?: string;
}

export interface SaveResult {
  etag: string;
  written: boolean;
  git: { action: "committed" | "intent-to-add" | "nothing"; commit?: string; error?: string };
}

export type ReadonlyInfo =
  /** `nix` without an evaluation: the machines of the clan's machines/ directories. */
  | { status: "unavailable"; reason: string; nix?: Inventory }
  | { status: "error"; error: string; nix?: Inventory }
  /** `nix`: what the Nix files define, as a partial inventory (src/server/nix-defined.ts). */
  | { status: "ok"; locks: LockedPath[]; nix: Inventory; warning?: string };

/** The file changed on disk since the version the save named. */
export class SaveConflict extends Error {
  constructor(readonly theirs: InventoryVersion) {
    super("inventory.json changed on disk since it was opened.");
  }
}

/** The save would change values that Nix defines. */
export class SaveLocked extends Error {
  constructor(readonly locked: { path: string[]; message: string }[]) {
    super(locked.map((l) => l.message).join(" "));
  }
}

async function errorText(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: string; issues?: { message: string; path?: (string | number)[] }[] } | null;
  const issue = body?.issues?.[0];
  const detail = issue ? ` ${issue.path?.length ? formatPath(issue.path) + ": " : ""}${issue.message}` : "";
  return `${body?.error ?? `${res.status} ${res.statusText}`}${detail}`;
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await apiFetch(path, { signal });
  if (!res.ok) throw new Error(await errorText(res));
  return (await res.json()) as T;
}

export async function fetchInventory(signal?: AbortSignal): Promise<InventoryVersion> {
  const res = await apiFetch("/api/inventory", { signal, cache: "no-store" });
  if (!res.ok) throw new Error(`Could not read inventory.json: ${await errorText(res)}`);
  return { text: await res.text(), etag: res.headers.get("etag") ?? "", exists: res.headers.get("x-inventory-exists") === "1" };
}

export const inventoryQuery = () =>
  queryOptions({
    queryKey: ["clan-directory", "inventory"],
    queryFn: ({ signal }) => fetchInventory(signal),
    staleTime: Infinity,
    retry: false,
  });

export const sessionQuery = () =>
  queryOptions({
    queryKey: ["clan-directory", "session"],
    queryFn: ({ signal }) => getJson<SessionInfo>("/api/session", signal),
    staleTime: Infinity,
  });

export const readonlyQuery = () =>
  queryOptions({
    queryKey: ["clan-directory", "readonly"],
    queryFn: ({ signal }) => getJson<ReadonlyInfo>("/api/readonly", signal),
    staleTime: Infinity,
    retry: false,
  });

/** Labels travel percent-encoded (header values are ASCII); long lists are shortened. */
export function encodeLabels(labels: readonly string[]): string {
  const MAX = 20;
  const list = labels.length > MAX ? [...labels.slice(0, MAX - 1), `${labels.length - MAX + 1} more edits`] : [...labels];
  return encodeURIComponent(JSON.stringify(list.map((l) => l.slice(0, 200))));
}

export async function saveInventory({ doc, etag, labels }: { doc: Inventory; etag: string; labels: readonly string[] }): Promise<SaveResult> {
  const res = await apiFetch("/api/inventory", {
    method: "PUT",
    headers: { "content-type": "application/json", "if-match": etag, "x-edit-labels": encodeLabels(labels) },
    body: writeInventoryJson(doc),
  });
  if (res.status === 412) {
    const body = (await res.json()) as InventoryVersion & { error: string };
    throw new SaveConflict({ text: body.text, etag: body.etag, exists: body.exists });
  }
  if (res.status === 409) {
    const body = (await res.json()) as { locked: { path: string[]; message: string }[] };
    throw new SaveLocked(body.locked);
  }
  if (!res.ok) throw new Error(`Could not save inventory.json: ${await errorText(res)}`);
  return (await res.json()) as SaveResult;
}
