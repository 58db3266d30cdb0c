# catalog.nix applied to the `clanInternals.inventoryClass` of a clan built from the clan-oracle's
# pinned sources, without flakes (Nix 2.8, offline). Used by `npm run catalog:record-interfaces`
# (the embedded catalog's roleInterfaces) and by the tests that check catalog.nix works on a
# real inventoryClass.
#
# The clan is built the way ../shared/tools/clan-oracle/nix/eval.nix builds one: its
# clan-core.nix stands in for the clan-core flake outputs, and the clan is
# `clan-core.clanLib.clan { self; }`, as in a user's flake.
{
  # absolute paths (strings): the oracle's nix/ folder, a clan-core checkout, a nixpkgs.lib checkout
  oracleNixDir,
  clanCoreSrc,
  nixpkgsLibSrc,
  # the clan's directory (inventory.json and machines/ are read from it when present)
  dir,
  # emulates `meta.name = …` in Nix (inventory.json may lack it)
  metaName ? "catalog",
  # "clan": the clan's own meta, as a user's flake has it; "none": a meta that throws, so that
  # defaults depending on one clan's meta are recorded as unknown (the embedded catalog)
  meta ? "clan",
  # JSON: { "<local name>": "<clan-core module name>" } registered as the clan's own modules
  # (input `self`), to test an input other than clan-core
  selfModulesJSON ? "{}",
  # false: return the inventoryClass itself, for applying catalog.nix's text as an expression
  # (as the README's command and the local server do)
  applyCatalog ? true,
}:
let
  lib = import (/. + nixpkgsLibSrc + "/lib");
  clanCore = import (/. + oracleNixDir + "/clan-core.nix") {
    inherit lib;
    src = /. + clanCoreSrc;
  };
  self = {
    outPath = dir;
    inputs = {
      inherit (clanCore.inputs) nixpkgs nix-darwin;
      clan-core = clanCore;
    };
  };
  clan = clanCore.clanLib.clan {
    inherit self;
    meta.name = metaName;
    modules = lib.mapAttrs (_: core: clanCore.clan.modules.${core}) (builtins.fromJSON selfModulesJSON);
  };
  inventoryClass = clan.config.clanInternals.inventoryClass;
  argument =
    if meta == "none" then
      inventoryClass // { roleInterfacesMeta = throw "roleInterfaces: no clan meta in the embedded catalog"; }
    else
      inventoryClass;
in
if applyCatalog then import ./catalog.nix argument else argument
