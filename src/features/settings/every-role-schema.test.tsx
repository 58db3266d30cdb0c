// @vitest-environment jsdom
// The form generator over every role schema of the embedded catalog (the project's copy of
// clan-core's schemas): each renders, with a labelled control for every top-level option, and
// with invalid settings (every option given a value of the wrong shape) it still renders,
// showing the errors instead of throwing.
import { cleanup, render, screen } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonObject } from "../../lib/json";
import { compileRoleSchema } from "../../schema/compile-schema";
import { validateSettings } from "../../schema/validate";
import { SettingsForm } from "./settings-form";

const catalog = JSON.parse(readFileSync(join(process.cwd(), "public/catalog/clan-core.json"), "utf8")) as {
  moduleSchemas: Record<string, Record<string, Record<string, JsonObject>>>;
};
const roles = Object.entries(catalog.moduleSchemas["clan-core"]!).flatMap(([m, rs]) => Object.entries(rs).map(([r, s]) => [`${m}/${r}`, s] as const));

describe("every role schema of the catalog", () => {
  it("has roles to test", () => expect(roles.length).toBeGreaterThan(40));

  it.each(roles)("%s renders a form with a labelled field per option, also from invalid settings", (_name, schema) => {
    const root = compileRoleSchema(schema);
    const options = root.kind === "object" ? root.properties.map((p) => p.name) : [];
    const commit = () => undefined;
    render(<SettingsForm root={root} value={{}} issues={[]} commit={commit} title="form" />);
    expect(screen.getByRole("form", { name: "form" })).toBeInTheDocument();
    for (const name of options) expect(screen.getAllByLabelText(name, { exact: false }).length, name).toBeGreaterThan(0);
    cleanup();

    const bad: JsonObject = Object.fromEntries(options.map((o) => [o, { wrong: [1] }]));
    bad["not-an-option"] = true;
    const issues = validateSettings(schema, bad, { merged: false });
    render(<SettingsForm root={root} value={bad} issues={issues} commit={commit} title="form" />);
    expect(screen.getByText(/Unknown setting "not-an-option"/)).toBeInTheDocument();
    cleanup();
  });
});
