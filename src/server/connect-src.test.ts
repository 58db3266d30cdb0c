import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONNECT_SRC } from "../lib/connect-src";
import { PAGE_SECURITY_HEADERS } from "./static-files";

test("the page's policy allows exactly these connections, in the server's header and in index.html", () => {
  expect(PAGE_SECURITY_HEADERS["content-security-policy"]).toContain(`connect-src ${CONNECT_SRC};`);
  expect(readFileSync(join(process.cwd(), "index.html"), "utf8")).toContain(`connect-src ${CONNECT_SRC};`);
});
