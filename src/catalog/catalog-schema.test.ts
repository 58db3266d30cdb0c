import { formatJsonPath, parseCatalog, parseCatalogText, type CatalogProblem } from "./catalog-schema";

const goodSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $defs: { Input: { type: "object", additionalProperties: false, properties: { greeting: { type: "string", default: "hi", readOnly: true } } } },
};

const goodModule = {
  manifest: { name: "clan-core/hello", description: "Says hello", categories: ["Development"], constraints: { maxInstances: null, roles: {} } },
  roles: { morning: { description: "Greets in the morning" } },
};

describe("parseCatalog", () => {
  it("reads a well-formed catalog without problems and defaults coreInput", () => {
    const r = parseCatalog({ modulesPerSource: { "clan-core": { hello: goodModule } }, moduleSchemas: { "clan-core": { hello: { morning: goodSchema } } } });
    expect(r.problems).toEqual([]);
    expect(r.catalog.coreInput).toBe("clan-core");
    expect(r.coreInputGiven).toBe(false);
    expect(r.catalog.modulesPerSource["clan-core"]!["hello"]!.roles["morning"]!.description).toBe("Greets in the morning");
    expect(r.catalog.moduleSchemas["clan-core"]!["hello"]!["morning"]).toEqual(goodSchema);
  });

  it("keeps an explicit coreInput", () => {
    const r = parseCatalog({ modulesPerSource: {}, moduleSchemas: {}, coreInput: "clan" });
    expect(r.catalog.coreInput).toBe("clan");
    expect(r.coreInputGiven).toBe(true);
  });

  it("loads the well-formed modules when others are malformed, naming the bad paths", () => {
    const r = parseCatalog({
      modulesPerSource: {
        "clan-core": {
          hello: goodModule,
          broken: "not a module",
          noroles: { manifest: { name: "x" }, roles: {} },
        },
        self: [],
      },
      moduleSchemas: { "clan-core": { hello: { morning: goodSchema } } },
    });
    expect(Object.keys(r.catalog.modulesPerSource["clan-core"]!)).toEqual(["hello"]);
    const paths = r.problems.filter((p) => p.severity === "error").map((p) => formatJsonPath(p.path));
    expect(paths).toEqual([`modulesPerSource["clan-core"].broken`, `modulesPerSource["clan-core"].noroles.roles`, "modulesPerSource.self"]);
  });

  it("checks both maps of inputs the same way: missing, not an object, an input that is not an object", () => {
    const problems = (v: unknown) => parseCatalog(v).problems.map((p) => [p.severity, formatJsonPath(p.path), p.message]);
    expect(problems({ modulesPerSource: {} })).toEqual([["warning", "moduleSchemas", "moduleSchemas is missing: no role has a settings schema."]]);
    expect(problems({ moduleSchemas: {} })).toEqual([["warning", "modulesPerSource", "modulesPerSource is missing: the catalog lists no services."]]);
    expect(problems({ modulesPerSource: [], moduleSchemas: { self: 3, "clan-core": { hello: "x" } } })).toEqual([
      ["error", "modulesPerSource", "modulesPerSource must be an object of inputs; this is a list."],
      ["error", "moduleSchemas.self", 'Input "self" must be an object of modules; this is a number.'],
      ["error", `moduleSchemas["clan-core"].hello`, 'The schemas of "hello" must be an object of roles; this is a string.'],
    ]);
  });

  it("tolerates unknown keys, keeps unknown manifest keys and reports them as warnings", () => {
    const r = parseCatalog({
      modulesPerSource: { self: { m: { ...goodModule, manifest: { ...goodModule.manifest, futureField: 1 }, extra: true } } },
      moduleSchemas: {},
      generatedBy: "someone",
    });
    expect(r.problems.every((p) => p.severity === "warning")).toBe(true);
    expect(r.problems.map((p) => formatJsonPath(p.path))).toEqual(["generatedBy", "modulesPerSource.self.m.extra", "modulesPerSource.self.m.manifest.futureField"]);
    expect((r.catalog.modulesPerSource["self"]!["m"]!.manifest as unknown as Record<string, unknown>)["futureField"]).toBe(1);
  });

  it("drops only a bad manifest field, and fills a missing name from the key", () => {
    const r = parseCatalog({ modulesPerSource: { self: { m: { manifest: { categories: "System", readme: 3 }, roles: { r: { description: 5 } } } } }, moduleSchemas: {} });
    const m = r.catalog.modulesPerSource["self"]!["m"]!;
    expect(m.manifest).toEqual({ name: "m" });
    expect(m.roles).toEqual({ r: {} });
    expect(r.problems.map((p) => formatJsonPath(p.path))).toEqual([
      "modulesPerSource.self.m.roles.r.description",
      "modulesPerSource.self.m.manifest.categories",
      "modulesPerSource.self.m.manifest.readme",
    ]);
  });

  it("warns about categories outside clan's list but keeps them", () => {
    const r = parseCatalog({ modulesPerSource: { self: { m: { manifest: { name: "m", categories: ["Network", "Toys"] }, roles: { r: {} } } } }, moduleSchemas: {} });
    expect(r.catalog.modulesPerSource["self"]!["m"]!.manifest.categories).toEqual(["Network", "Toys"]);
    expect(r.problems).toHaveLength(1);
    expect(formatJsonPath(r.problems[0]!.path)).toBe("modulesPerSource.self.m.manifest.categories[1]");
  });

  it("reports a role schema outside clan's dialect without failing the catalog", () => {
    const legacy = { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { a: { type: ["string", "null"] } } };
    const extraKeyword = { $defs: { Input: { type: "object", properties: { port: { type: "integer", minimum: 1 } } } } };
    const dangling = { $defs: { Input: { type: "object", properties: { x: { $ref: "#/$defs/Missing" } } } } };
    const r = parseCatalog({
      modulesPerSource: { self: { m: { manifest: { name: "m" }, roles: { a: {}, b: {}, c: {}, d: {} } } } },
      moduleSchemas: { self: { m: { a: legacy, b: extraKeyword, c: dangling, d: goodSchema } } },
    });
    const schemas = r.catalog.moduleSchemas["self"]!["m"]!;
    expect(Object.keys(schemas)).toEqual(["b", "d"]);
    expect(r.catalog.modulesPerSource["self"]!["m"]!.roles).toHaveProperty("a");
    const byPath = Object.fromEntries(r.problems.map((p) => [formatJsonPath(p.path), p.severity]));
    expect(byPath).toEqual({
      "moduleSchemas.self.m.a": "error",
      "moduleSchemas.self.m.b.$defs.Input.properties.port.minimum": "warning",
      "moduleSchemas.self.m.c.$defs.Input.properties.x.$ref": "error",
    });
  });

  it("loads annotations of other clan versions silently, and says truly what it does with anyOf and type lists", () => {
    // Older clan versions put `$exportedModuleInfo` on objects; other generators add `x-…`
    // extensions, `title`, `examples`, `$comment`: annotations, which change no value's meaning.
    const annotated = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $defs: {
        Input: {
          type: "object",
          $exportedModuleInfo: { path: [], required: false },
          title: "Input",
          $comment: "generated",
          properties: {
            a: { type: "string", "x-nix-type": "str", examples: ["x"], deprecated: false, readOnly: true },
            b: { anyOf: [{ type: "null" }, { $ref: "#/$defs/BInput" }], readOnly: true },
            c: { type: ["integer", "null"], readOnly: true },
            d: { anyOf: [{ $ref: "#/$defs/Nowhere" }] },
          },
        },
        BInput: { type: "object", additionalProperties: { type: "string" } },
      },
    };
    const r = parseCatalog({
      modulesPerSource: { self: { m: { manifest: { name: "m" }, roles: { a: {} } } } },
      moduleSchemas: { self: { m: { a: annotated } } },
    });
    const at = (p: CatalogProblem) => `${p.severity} ${formatJsonPath(p.path)}: ${p.message}`;
    expect(r.problems.map(at)).toEqual([
      expect.stringMatching(/^warning moduleSchemas\.self\.m\.a\.\$defs\.Input\.properties\.c\.type: .*read as a choice between those types/),
      // a $ref inside anyOf is followed like one inside oneOf: this one leads nowhere
      expect.stringMatching(/^error moduleSchemas\.self\.m\.a\.\$defs\.Input\.properties\.d\.anyOf\[0\]\.\$ref: /),
    ]);
  });

  it("warns about schemas for modules or roles that are not listed", () => {
    const r = parseCatalog({ modulesPerSource: { self: { m: goodModule } }, moduleSchemas: { self: { m: { evening: goodSchema }, ghost: { r: goodSchema } } } });
    expect(r.problems.map((p) => formatJsonPath(p.path))).toEqual(["moduleSchemas.self.m.evening", "moduleSchemas.self.ghost"]);
  });

  it("stores a module named __proto__ as data", () => {
    const r = parseCatalogText('{"modulesPerSource":{"self":{"__proto__":{"manifest":{"name":"p"},"roles":{"r":{}}}}},"moduleSchemas":{}}');
    const self = r.catalog.modulesPerSource["self"]!;
    expect(Object.keys(self)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(self)).toBe(Object.prototype);
  });

  it("refuses what is not a catalog", () => {
    expect(parseCatalog([]).problems[0]!.message).toMatch(/JSON object/);
    expect(parseCatalog({ machines: {} }).problems.at(-1)!.message).toMatch(/not a catalog/);
  });

  it("gives line and column for JSON syntax errors", () => {
    const r = parseCatalogText('{\n  "modulesPerSource": {,\n}');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/line 2, column \d+/);
  });
});

describe("formatJsonPath", () => {
  it("quotes keys that are not identifiers", () => {
    expect(formatJsonPath(["modulesPerSource", "clan-core", "@clan/x", "roles", 0])).toBe('modulesPerSource["clan-core"]["@clan/x"].roles[0]');
    expect(formatJsonPath([])).toBe("(the file)");
  });
});

describe("inputs (every input of the clan's flake)", () => {
  it("is read as a list of names, and a malformed one is a warning, ignored", () => {
    const base = { modulesPerSource: { "clan-core": {} }, moduleSchemas: { "clan-core": {} } };
    expect(parseCatalog({ ...base, inputs: ["clan-core", "self", "nixpkgs"] }).catalog.inputs).toEqual(["clan-core", "self", "nixpkgs"]);
    const bad = parseCatalog({ ...base, inputs: "self" });
    expect(bad.catalog.inputs).toBeUndefined();
    expect(bad.problems).toEqual([expect.objectContaining({ severity: "warning", path: ["inputs"] })]);
  });
});
