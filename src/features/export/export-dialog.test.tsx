// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEditor } from "../../state/store";
import type { Diagnostic } from "../../model/diagnostic";
import { printNix, printNixSnippet } from "../../formats/nix/print";
import { ExportDialog } from "./export-dialog";

const diagnostics = vi.hoisted(() => ({ list: [] as Diagnostic[] }));
vi.mock("../../state/use-diagnostics", () => ({ useDiagnostics: () => diagnostics.list }));

const doc = { meta: { name: "demo" }, machines: { web1: { tags: ["web"] } } };

beforeAll(() => {
  // jsdom lays nothing out: give elements a size so that the virtualized code view shows rows.
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(800);
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event("close"));
  };
});

beforeEach(() => {
  diagnostics.list = [];
  useEditor.getState().reset(doc, { name: "inventory.json", doc: { meta: { name: "demo" }, machines: { web1: { tags: ["db"] } } } });
});

async function open() {
  const onClose = vi.fn();
  render(<ExportDialog onClose={onClose} />);
  // The panel is a lazy chunk: its first load may take a moment on a busy machine.
  await screen.findByRole("radiogroup", { name: "Format" }, { timeout: 15_000 });
  return onClose;
}

describe("ExportDialog", () => {
  it("previews each format, highlighted, from the current document", async () => {
    const user = userEvent.setup();
    await open();
    expect(screen.getByRole("radio", { name: "inventory.json" })).toBeChecked();
    expect(screen.getByRole("region", { name: "Preview of inventory.json" })).toHaveTextContent('"name": "demo"');

    await user.click(screen.getByRole("radio", { name: "Nix file" }));
    const nix = screen.getByRole("region", { name: "Preview of inventory.nix" });
    expect(nix).toHaveTextContent('name = "demo";');
    // Names and strings are spans with colours, never HTML made from the text.
    expect(within(nix).getAllByText("name")[0]).toHaveClass("text-indigo-700");

    await user.click(screen.getByRole("radio", { name: "clan.nix snippet" }));
    expect(screen.getByRole("region", { name: "Preview of inventory-snippet.nix" })).toHaveTextContent("inventory = {");
  });

  it("downloads the chosen format as a file", async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), "blob:x"));
    URL.revokeObjectURL = vi.fn();
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    await open();
    await user.click(screen.getByRole("radio", { name: "Nix file" }));
    await user.click(screen.getByRole("button", { name: "Download" }));
    expect(clicks).toEqual(["inventory.nix"]);
    expect(await blobs[0]!.text()).toBe(printNix(doc));
    expect(screen.getByRole("status")).toHaveTextContent("Downloaded inventory.nix.");
    click.mockRestore();
  });

  it("copies the chosen format to the clipboard", async () => {
    const user = userEvent.setup();
    await open();
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue();
    await user.click(screen.getByRole("radio", { name: "clan.nix snippet" }));
    await user.click(screen.getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith(printNixSnippet(doc));
    expect(screen.getByRole("status")).toHaveTextContent("Copied inventory-snippet.nix to the clipboard.");
  });

  it("shows the lines changed since the import, by keyboard too", async () => {
    const user = userEvent.setup();
    await open();
    const tab = screen.getByRole("tab", { name: "Preview" });
    tab.focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Changes since inventory.json" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByText(/lines compared with inventory\.json/)).toHaveTextContent("+1 −1 lines compared with inventory.json, as inventory.json");
    const changes = screen.getByRole("region", { name: "Changes to inventory.json" });
    expect(changes.querySelector('[data-kind="del"]')).toHaveTextContent('"db"');
    expect(changes.querySelector('[data-kind="add"]')).toHaveTextContent('"web"');
  });

  it("lists errors first and exports only when asked to", async () => {
    const user = userEvent.setup();
    diagnostics.list = [{ severity: "error", code: "unknown-machine", message: "Machine ghost does not exist", path: ["instances", "x"] }];
    const onClose = vi.fn();
    render(<ExportDialog onClose={onClose} />);
    expect(screen.getByRole("alert")).toHaveTextContent("This inventory has 1 error.");
    expect(within(screen.getByRole("list", { name: "Errors" })).getByText("Machine ghost does not exist")).toBeInTheDocument();
    expect(screen.queryByRole("radiogroup")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Export anyway" }));
    expect(await screen.findByRole("radiogroup", { name: "Format" }, { timeout: 15_000 })).toBeInTheDocument();
  });

  it("says why a document cannot be written as Nix, and offers nothing to save", async () => {
    const user = userEvent.setup();
    act(() => useEditor.getState().reset({ meta: { name: "nul\u0000here" } }, null));
    await open();
    await user.click(screen.getByRole("radio", { name: "Nix file" }));
    expect(screen.getByRole("alert")).toHaveTextContent("The text at meta.name contains a NUL character");
    expect(screen.getByRole("button", { name: "Copy" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Download" })).toBeDisabled();
    await user.click(screen.getByRole("tab", { name: "Changes since import" }));
    await waitFor(() => expect(screen.getByRole("alert")).toBeInTheDocument());
  });
});
