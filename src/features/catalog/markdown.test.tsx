// @vitest-environment jsdom
import { render } from "@testing-library/react";
import Markdown, { decodeEntities, safeHref } from "./markdown";

describe("safeHref", () => {
  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/x",
    "/relative/path",
    "#anchor",
    "file:///etc/passwd",
  ])("refuses %j", (href) => expect(safeHref(href)).toBeNull());

  it.each(["https://clan.lol/", "http://example.com/a?b=1&amp;c=2", "mailto:someone@example.com"])("allows %j", (href) => {
    expect(safeHref(href)).toMatch(/^(https?:|mailto:)/);
  });

  it("decodes entities as a browser would before checking", () => {
    expect(decodeEntities("a &amp; b &lt;c&gt; &#65;&#x42; &unknown;")).toBe("a & b <c> AB &unknown;");
  });
});

describe("Markdown", () => {
  const hostile = [
    "# Title",
    "",
    'Text <script>window.__pwned = 1</script> more <b onclick="x()">bold</b>.',
    "",
    '<img src="x" onerror="window.__pwned = 2">',
    "",
    '<iframe src="https://evil.example"></iframe>',
    "",
    "[bad](javascript:alert(1)) [good](https://clan.lol/) ![pic](https://evil.example/track.png)",
    "",
    "- item `code <x>`",
    "",
    "| a | b |",
    "|---|---|",
    "| <img src=x onerror=alert(1)> | 2 |",
  ].join("\n");

  it("renders structure and never creates elements from HTML in the text", () => {
    const { container } = render(<Markdown text={hostile} />);
    expect(container.querySelector("h3")?.textContent).toBe("Title");
    expect(container.querySelectorAll("script, img, iframe, b, [onerror], [onclick]")).toHaveLength(0);
    expect(container.textContent).toContain("<script>");
    expect(container.textContent).toContain('<img src="x" onerror="window.__pwned = 2">');
    const links = [...container.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["https://clan.lol/", "https://evil.example/track.png"]);
    expect(container.textContent).toContain("[image: pic]");
    expect(container.querySelector("li code")?.textContent).toBe("code <x>");
    expect(container.querySelectorAll("table td")).toHaveLength(2);
    for (const a of container.querySelectorAll("a")) expect(a.getAttribute("rel")).toContain("noopener");
  });
});
