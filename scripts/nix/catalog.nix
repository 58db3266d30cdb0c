# The editor's catalog of a clan, with every role's settings interface as Nix has it.
#
# Apply it to the clan's `clanInternals.inventoryClass` (README, "Catalogs"):
#
#   nix eval --json .#clanInternals.inventoryClass --apply "$(cat scripts/nix/catalog.nix)" > catalog.json
#
# The text is passed as the --apply expression itself (not imported), so it works in pure
# evaluation mode: it must stay one self-contained function of `inventoryClass`.
#
# It prints clan's own `modulesPerSource` and `moduleSchemas` unchanged, plus `roleInterfaces`, a
# field of the editor's own: { <input>: { <module>: { <role>: OptionSet } } } where
#
#   OptionSet = { options: { <name>: Option }, freeform?: Type }
#   Option    = { type: Type, default?: <JSON>, defaultUnknown?: true, defaultText?: string, hidden?: true,
#                 apply?: "throws" | "transforms" }
#   Type      = { name, description, values?, elem?, left?, right?, coercedFrom?, options?, pattern?,
#                 separator?, emptyValue?, emptyValueUnknown?, truncated? }
#
# clan's JSON-schema converter leaves out every default that is not a literal JSON value or that
# has a defaultText (`{}` of attribute sets, `null` of nullables, …); the service nevertheless
# receives them. Here each role's interface is evaluated as clan evaluates a machine's settings
# (lib/inventory/distributed-service/service-module.nix, evalMachineSettings: the interface alone,
# `meta` as the only special argument) and every option's default is kept when it evaluates to
# JSON. Everything that may fail is wrapped in builtins.tryEval, so one default that reads NixOS
# or another unset option costs only that default (`defaultUnknown`), one broken role only that
# role, one broken module only that module. A default that depends on a submodule's attribute
# name shows as "‹name›" (nixpkgs lib's placeholder), which the consumer replaces by the name.
#
# Nothing here is clan-core's semantics re-written: types, defaults and sub-options are read off
# the evaluated options. `roleInterfacesMeta` (an attribute the caller may add to the argument)
# replaces the clan's `meta`; the editor's embedded catalog passes one that throws, so defaults
# that depend on a particular clan's meta are recorded as unknown.
c:
let
  # clan-core's clanLib, from the flake input that provides it (`clanLib` is a clan-core flake
  # output; inventoryClass does not expose the one it was built with). An input named
  # `clan-core` wins when several provide one.
  withClanLib = builtins.filter (n: (builtins.tryEval (c.flakeInputs.${n} ? clanLib)).value or false) (
    builtins.attrNames c.flakeInputs
  );
  clanLibInput = if builtins.elem "clan-core" withClanLib then "clan-core" else builtins.head withClanLib;
  clanLib = c.flakeInputs.${clanLibInput}.clanLib;
  # nixpkgs lib as clan-core's own modules receive it (there is no other way to reach it from
  # inventoryClass): a service evaluation hands it to every module.
  lib =
    (clanLib.evalService {
      modules = [ ({ lib, ... }: { _module.args.roleInterfacesLib = lib; }) ];
      prefix = [ "roleInterfaces" ];
    })._module.args.roleInterfacesLib;
  meta = c.roleInterfacesMeta or c.inventory.meta;

  # Stop at this depth of nested types (recursive submodules would never end).
  maxDepth = 12;

  try =
    v:
    let
      r = builtins.tryEval (builtins.deepSeq v v);
    in
    if r.success then { ok = true; value = r.value; } else { ok = false; };

  # As clan's converter decides (lib/jsonschema isJsonValue): paths, functions and derivations
  # are no JSON value.
  isJsonValue =
    v:
    let
      t = builtins.typeOf v;
    in
    if builtins.elem t [ "null" "bool" "int" "float" "string" ] then
      true
    else if t == "list" then
      builtins.all isJsonValue v
    else if t == "set" then
      !(v ? __toString || v ? outPath) && builtins.all isJsonValue (builtins.attrValues v)
    else
      false;

  # A string, or null when it does not evaluate.
  text =
    v:
    let
      r = try v;
    in
    if r.ok && builtins.isString r.value then r.value else null;

  optionalAttrs = cond: attrs: if cond then attrs else { };

  typeOf =
    depth: loc: t:
    let
      rawName = text t.name;
      strMatching = rawName != null && lib.hasPrefix "strMatching " rawName;
      name = if rawName == null then "unknown" else if strMatching then "strMatching" else rawName;
      description = text t.description;
      nested =
        let
          r = builtins.tryEval (t.nestedTypes or { });
        in
        if r.success && builtins.isAttrs r.value then r.value else { };
      rawPayload =
        let
          r = builtins.tryEval (t.functor.payload or null);
        in
        if r.success then r.value else null;
      payload = if builtins.isAttrs rawPayload then rawPayload else { };
      # Older nixpkgs lib kept an enum's values as the payload itself.
      values = try (if builtins.isList rawPayload then rawPayload else payload.values);
      # Older lib has no payload for strMatching: the pattern is in the name, written as a Nix string.
      patternFromName =
        let
          r = builtins.tryEval (
            builtins.fromJSON (builtins.replaceStrings [ "\\$" ] [ "$" ] (lib.removePrefix "strMatching " rawName))
          );
        in
        if strMatching && r.success && builtins.isString r.value then r.value else null;
      pattern = if text (payload.pattern or null) != null then text payload.pattern else patternFromName;
      functorName = text (t.functor.name or null);
      isSubmodule = name == "submodule" || functorName == "submoduleWith";
      separator = text (payload.sep or null);
      # The value an option of this type has when nothing defines it and it has no default
      # (lib/modules.nix mergedValue: `type.emptyValue.value`), e.g. [] of a list, {} of an
      # attribute set, null of a nullable; without one, such an option has no value at all.
      # A submodule's is its options' defaults: recorded as {} (filled like any definition).
      hasEmpty =
        let
          r = builtins.tryEval (t.emptyValue or { } ? value);
        in
        r.success && r.value;
      emptyValue = try t.emptyValue.value;
      emptyPart =
        if !hasEmpty then
          { }
        else if isSubmodule then
          { emptyValue = { }; }
        else if emptyValue.ok && isJsonValue emptyValue.value then
          { emptyValue = emptyValue.value; }
        else
          { emptyValueUnknown = true; };
      sub = n: typ: typeOf (depth + 1) (loc ++ n) typ;
      subOptions =
        let
          r = builtins.tryEval (t.getSubOptions loc);
        in
        if r.success then optionSetOf (depth + 1) loc r.value else { options = { }; unknown = true; };
    in
    if depth > maxDepth then
      { inherit name; truncated = true; }
    else
      { inherit name; }
      // optionalAttrs (description != null) { inherit description; }
      // optionalAttrs (name == "enum" && values.ok && isJsonValue values.value) { values = values.value; }
      // optionalAttrs (strMatching && pattern != null) { inherit pattern; }
      // optionalAttrs (nested ? elemType && !(nested ? finalType)) { elem = sub [ "<name>" ] nested.elemType; }
      // optionalAttrs (nested ? left) { left = sub [ ] nested.left; }
      // optionalAttrs (nested ? right) { right = sub [ ] nested.right; }
      # coercedTo: values of `coercedFrom` are converted to `elem`, the type the option has.
      // optionalAttrs (nested ? coercedType) { coercedFrom = sub [ ] nested.coercedType; }
      // optionalAttrs (nested ? finalType) { elem = sub [ ] nested.finalType; }
      // optionalAttrs isSubmodule { options = subOptions; }
      // optionalAttrs (name == "separatedString" && separator != null) { inherit separator; }
      // emptyPart;

  optionOf =
    depth: o:
    let
      hasDefault = o ? default;
      d = try o.default;
      defaultText =
        let
          dt = try (o.defaultText or null);
          v = if dt.ok then dt.value else null;
        in
        if builtins.isString v then v else if builtins.isAttrs v && builtins.isString (v.text or null) then v.text else null;
      defaultPart =
        if hasDefault && d.ok && isJsonValue d.value then
          { default = d.value; }
        else
          optionalAttrs hasDefault { defaultUnknown = true; }
          // optionalAttrs (defaultText != null) { inherit defaultText; };
      hidden =
        let
          r = try ((o.visible or true) == false || (o.internal or false) == true);
        in
        r.ok && r.value;
      # An `apply` function turns the merged value into the one the service receives: the editor
      # cannot run it. "throws" when it fails on the default (clanLib.mkRemovedOption: every
      # evaluation of the settings fails), "transforms" otherwise.
      applied = try (o.apply (if d.ok then d.value else null));
      applyPart = optionalAttrs (o ? apply) { apply = if applied.ok then "transforms" else "throws"; };
    in
    { type = typeOf depth o.loc o.type; } // defaultPart // applyPart // optionalAttrs hidden { hidden = true; };

  # An attribute set of options as the module system gives it (`options` of an evaluation, or a
  # submodule type's getSubOptions). Options declared under a nested name (`options.a.b`) are an
  # attribute set of options themselves: they become a group, whose value is always the set of
  # its options' values.
  optionSetOf =
    depth: loc: opts:
    let
      names = builtins.filter (n: n != "_module" && n != "_freeformOptions") (builtins.attrNames opts);
      entry =
        n:
        let
          o = opts.${n};
          isOpt = builtins.tryEval (lib.isOption o);
          r = try (
            if isOpt.success && isOpt.value then
              optionOf depth o
            else
              { type = { name = "optionGroup"; description = "group of options"; options = optionSetOf (depth + 1) (loc ++ [ n ]) o; }; }
          );
        in
        if r.ok then r.value else { type = { name = "unknown"; }; defaultUnknown = true; };
      freeform =
        let
          r = builtins.tryEval (opts._module.freeformType.value or null);
        in
        if r.success && r.value != null then try (typeOf (depth + 1) (loc ++ [ "<name>" ]) r.value) else { ok = false; };
    in
    { options = lib.genAttrs names entry; } // optionalAttrs freeform.ok { freeform = freeform.value; };

  # One module's roles, each interface evaluated like service-module.nix's evalMachineSettings
  # with no settings at all.
  interfacesOf =
    inputName: moduleName: module:
    let
      svc = clanLib.evalService {
        modules = [ module ];
        prefix = [ inputName "clan" "modules" moduleName ];
      };
      roleOf =
        roleName: role:
        let
          eval = lib.evalModules {
            prefix = [ inputName "clan" "modules" moduleName "roles" roleName "settings" ];
            class = lib.concatStringsSep "." [ svc.config.manifest.name roleName "settings" ];
            specialArgs = { inherit meta; };
            modules = [ role.interface ];
          };
        in
        optionSetOf 0 [ ] eval.options;
      roles = builtins.tryEval svc.config.roles;
    in
    if roles.success then
      lib.filterAttrs (_: v: v != null) (
        lib.mapAttrs (
          roleName: role:
          let
            r = try (roleOf roleName role);
          in
          if r.ok then r.value else null
        ) roles.value
      )
    else
      null;

  # Which modules count: the same filter as inventoryClass.moduleSchemas.
  inputsWithModules = lib.filterAttrs (_: v: v ? clan.modules) c.flakeInputs;
  activeModules = v: lib.filterAttrs (name: _: !(lib.elem name (v.clan.deprecatedModules or [ ]))) v.clan.modules;

  roleInterfaces = lib.mapAttrs (
    inputName: v:
    lib.filterAttrs (_: x: x != null) (
      lib.mapAttrs (
        moduleName: module:
        let
          r = try (interfacesOf inputName moduleName module);
        in
        if r.ok then r.value else null
      ) (activeModules v)
    )
  ) inputsWithModules;
in
{
  inherit (c) modulesPerSource moduleSchemas;
  inherit roleInterfaces;
  # Every input of the flake (clan adds `self`): with it the editor knows that a module of an
  # input the catalog lacks is missing, not merely undescribed.
  inputs = builtins.attrNames c.flakeInputs;
}
