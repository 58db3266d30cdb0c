// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FileButton } from "./file-button";

test("hands over the picked file and empties the input, so the same file can be picked again", async () => {
  const picked: string[] = [];
  render(
    <FileButton label="Import inventory" accept=".json" onFile={(f) => picked.push(f.name)}>
      Import
    </FileButton>,
  );
  const input = screen.getByLabelText("Import inventory") as HTMLInputElement;
  const file = new File(["{}"], "fleet.json", { type: "application/json" });
  await userEvent.upload(input, file);
  await userEvent.upload(input, file);
  expect(picked).toEqual(["fleet.json", "fleet.json"]);
  expect(input.value).toBe("");
});
