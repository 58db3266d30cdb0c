export const repoRoot: string;
export const oracleDir: string;
export const catalogNix: string;
export const pinnedCatalogNix: string;
export function onPath(name: string): string | null;
export type OracleEnv = { ok: true; oracle: string; oracleDir: string; oracleNixDir: string; nixInstantiate: string } | { ok: false; reason: string };
export function oracleEnv(): OracleEnv;
export function pinnedSources(): { clanCoreSrc: string; nixpkgsLibSrc: string };
export function run(cmd: string, args: string[], opts?: { cwd?: string; env?: Record<string, string>; input?: string }): Promise<{ code: number; stdout: string; stderr: string }>;
export function evalPinnedCatalog(opts?: {
  dir?: string;
  meta?: "clan" | "none";
  metaName?: string;
  selfModules?: Record<string, string>;
}): Promise<{ modulesPerSource: Record<string, unknown>; moduleSchemas: Record<string, unknown>; roleInterfaces: Record<string, unknown> }>;
export function evalCatalogText(opts?: {
  text?: string;
  dir?: string;
  meta?: "clan" | "none";
  metaName?: string;
  selfModules?: Record<string, string>;
}): Promise<{ modulesPerSource: Record<string, unknown>; moduleSchemas: Record<string, unknown>; roleInterfaces: Record<string, unknown> }>;
