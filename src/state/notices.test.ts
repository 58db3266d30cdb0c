import { beforeEach, expect, test } from "vitest";
import { useNotices } from "./notices";

beforeEach(() => useNotices.setState({ notices: [] }));

test("a notice of a topic replaces the earlier one of that topic; others stay, five at most", () => {
  const { push } = useNotices.getState();
  push({ topic: "import", kind: "error", title: "Could not import a.json" });
  push({ kind: "error", title: "Could not save" });
  push({ topic: "import", kind: "info", title: "Imported b.json" });
  expect(useNotices.getState().notices.map((n) => n.title)).toEqual(["Could not save", "Imported b.json"]);
  for (let i = 0; i < 6; i++) push({ kind: "info", title: `n${i}` });
  expect(useNotices.getState().notices.map((n) => n.title)).toEqual(["n1", "n2", "n3", "n4", "n5"]);
});
