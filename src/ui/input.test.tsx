// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { Input, Select, inputClass } from "./input";

describe("shared inputs", () => {
  it("give every control the same look, the density's padding and the caller's classes last", () => {
    const form = inputClass("form").split(" ");
    const compact = inputClass("compact", "w-36 font-mono").split(" ");
    expect(form).toContain("px-2.5");
    expect(compact).toContain("px-2");
    expect(compact.slice(-2)).toEqual(["w-36", "font-mono"]);
    // Everything but the padding is shared.
    const shared = (c: string[]) => c.filter((k) => !/^p[xy]-/.test(k) && k !== "w-36" && k !== "font-mono");
    expect(shared(compact)).toEqual(shared(form));
  });

  it("pass attributes through, so labels, values and invalid states work as on plain elements", () => {
    render(
      <>
        <Input aria-label="Search machines" type="search" defaultValue="web" aria-invalid density="compact" className="w-36" />
        <Select aria-label="Sort by" defaultValue="name">
          <option value="document">inventory order</option>
          <option value="name">name</option>
        </Select>
      </>,
    );
    const search = screen.getByRole("searchbox", { name: "Search machines" });
    expect(search).toHaveValue("web");
    expect(search).toHaveAttribute("aria-invalid", "true");
    expect(search.className).toBe(inputClass("compact", "w-36"));
    expect(screen.getByRole("combobox", { name: "Sort by" })).toHaveValue("name");
  });
});
