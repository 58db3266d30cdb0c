// GET /api/catalog with real Nix 2.8 behind the `nix` command: a stand-in `nix` turns the
// server's `nix eval --json [--apply EXPR] <dir>#clanInternals.inventoryClass…` into
// nix-instantiate on a clan built from the clan-oracle's pinned sources
// (scripts/nix/pinned-catalog.nix), so the server's own --apply text is evaluated by Nix exactly
// as it would be for a user's flake. Skipped, saying so, without nix-instantiate or ../shared.
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { oracleEnv, pinnedCatalogNix, pinnedSources } from "../../scripts/oracle-env.mjs";
import type { CatalogEvent } from "./catalog-service";
import { EMBEDDED_CATALOG_FILE, makeTempDir, startTempClan } from "./testing/temp-clan";

const env = oracleEnv();
if (!env.ok) console.warn(`\n⚠ SKIPPED: the local server's catalog with Nix 2.8 — ${env.reason}.\n`);

/** A `nix` that answers `eval` of inventoryClass attributes with nix-instantiate on the pinned clan. */
async function pinnedNix(root: string): Promise<string> {
  if (!env.ok) throw new Error(env.reason);
  const { clanCoreSrc, nixpkgsLibSrc } = pinnedSources();
  const bin = join(root, "bin");
  await mkdir(bin);
  const fake = join(bin, "nix");
  const config = {
    nixInstantiate: env.nixInstantiate,
    pinned: pinnedCatalogNix,
    args: { oracleNixDir: env.oracleNixDir, clanCoreSrc, nixpkgsLibSrc, dir: root, metaName: "my-clan", selfModulesJSON: JSON.stringify({ "my-hello": "hello-world" }) },
    applyFile: join(root, "apply.nix"),
  };
  await writeFile(
    fake,
    `#!${process.execPath}
const { spawnSync } = require("node:child_process");
const { writeFileSync } = require("node:fs");
const config = ${JSON.stringify(config)};
const argv = process.argv.slice(2);
const installable = argv[argv.length - 1];
const attr = installable.slice(installable.indexOf("#") + 1);
const prefix = "clanInternals.inventoryClass";
if (!attr.startsWith(prefix)) { process.stderr.write("error: flake does not provide attribute '" + attr + "'\\n"); process.exit(1); }
const rest = attr.slice(prefix.length).split(".").filter(Boolean);
const i = argv.indexOf("--apply");
let expr = "{ ... }@args: let v = (import " + config.pinned + " (args // { applyCatalog = false; }))" + rest.map((k) => "." + k).join("") + "; in ";
if (i >= 0) { writeFileSync(config.applyFile, argv[i + 1]); expr += "(import " + config.applyFile + ") v"; } else expr += "v";
const a = ["--eval", "--strict", "--json", "--expr", expr];
for (const [k, v] of Object.entries(config.args)) a.push("--argstr", k, v);
const r = spawnSync(config.nixInstantiate, a, { encoding: "utf8", env: { ...process.env, NIX_PATH: "" } });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exit(r.status ?? 1);
`,
  );
  await chmod(fake, 0o755);
  return fake;
}

describe.skipIf(!env.ok)("the local server's catalog, evaluated by Nix 2.8", () => {
  it("carries every input's role interfaces, from the same catalog.nix text docs/user-guide.md gives", async () => {
    const root = await makeTempDir("pinned-nix-");
    const clan = await startTempClan({ nix: await pinnedNix(root), files: { "flake.lock": '{"nodes":{}}' } });
    try {
      const text = await (await clan.api("/api/catalog")).text();
      const evs = text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as CatalogEvent);
      const done = evs[evs.length - 1] as Extract<CatalogEvent, { type: "done" }>;
      expect(done.type).toBe("done");
      expect(done.source).toBe("nix");
      expect(done.catalog.coreInput).toBe("clan-core");
      const embedded = JSON.parse(await readFile(EMBEDDED_CATALOG_FILE, "utf8")) as { roleInterfaces: Record<string, Record<string, unknown>> };
      const ri = done.catalog.roleInterfaces as Record<string, Record<string, unknown>>;
      expect(Object.keys(ri).sort()).toEqual(["clan-core", "self"]);
      expect(ri["self"]!["my-hello"]).toEqual(embedded.roleInterfaces["clan-core"]!["hello-world"]);
      expect(ri["clan-core"]).toEqual(embedded.roleInterfaces["clan-core"]);
      expect(Object.keys(done.catalog.moduleSchemas).sort()).toEqual(["clan-core", "self"]);
    } finally {
      await clan.close();
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
