import fc from "fast-check";
import { deployHostProblem, formatDeployHost, parseDeployHost } from "./deploy-host";

describe("deploy host addresses (docs/clan-semantics.md 'Machine fields')", () => {
  it.each([
    ["web1", { host: "web1", options: [] }],
    ["root@10.0.0.5", { user: "root", host: "10.0.0.5", options: [] }],
    ["admin@web1.demo.lol:2222", { user: "admin", host: "web1.demo.lol", port: 2222, options: [] }],
    ["ssh://root@host", { user: "root", host: "host", options: [] }],
    ["[::1]", { host: "::1", options: [] }],
    ["root@[2001:db8::1]:22", { user: "root", host: "2001:db8::1", port: 22, options: [] }],
    ["[fe80::1%eth0]", { host: "fe80::1%eth0", options: [] }],
    [
      "ssh://u@h:22?ProxyJump=bastion&StrictHostKeyChecking=no",
      {
        user: "u",
        host: "h",
        port: 22,
        options: [
          ["ProxyJump", "bastion"],
          ["StrictHostKeyChecking", "no"],
        ],
      },
    ],
    ["h?a=b=c&", { host: "h", options: [["a", "b=c"]] }],
    ["user:secret@host", { user: "user:secret", host: "host", options: [] }],
  ])("accepts %s", (input, expected) => {
    expect(parseDeployHost(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["root@ host", /white space/],
    ["a@b@c", /more than one '@'/],
    ["@host", /nothing before '@'/],
    ["::1", /must be enclosed in brackets/],
    ["root@2001:db8::1", /must be enclosed in brackets/],
    ["[::1", /without closing/],
    ["[web1]", /not an IPv6 address/],
    ["[::1]x", /only ':port'/],
    ["host:ssh", /must be a number/],
    ["host:0", /from 1 to 65535/],
    ["host:65536", /from 1 to 65535/],
    ["root@", /names no host/],
    [":22", /names no host/],
    ["host/path", /not a host name/],
    ["host?verbose", /has no value/],
    ["host?=1", /has no name/],
  ])("refuses %j", (input, message) => {
    expect(deployHostProblem(input)).toMatch(message);
  });

  it("what it formats, it parses back to the same parts", () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const host = fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => l.join(".")),
      fc.ipV4(),
      fc.ipV6(),
    );
    const addr = fc.record(
      {
        user: fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/),
        host,
        port: fc.integer({ min: 1, max: 65535 }),
        options: fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z]{1,8}$/), fc.stringMatching(/^[A-Za-z0-9=.]{0,8}$/)), { maxLength: 3 }),
      },
      { requiredKeys: ["host", "options"] },
    );
    fc.assert(
      fc.property(addr, fc.boolean(), (a, scheme) => {
        const text = (scheme ? "ssh://" : "") + formatDeployHost(a);
        expect(parseDeployHost(text)).toEqual({ ok: true, value: a });
      }),
    );
  });
});
