import { parseServeArgs } from "./serve";
import { allowedHostNames } from "../server/request-guard";

describe("clan-inventory serve arguments", () => {
  it("has safe defaults: loopback, port 4173, no clan", () => {
    expect(parseServeArgs([])).toEqual({ port: 4173, host: "127.0.0.1", clan: null, gitCommit: false, noNix: false, allowHosts: [] });
  });
  it("reads every flag", () => {
    expect(parseServeArgs(["--port", "0", "--host", "0.0.0.0", "--clan", "../c", "--git-commit", "--no-nix", "--allow-host", "box.lan"])).toEqual({
      port: 0,
      host: "0.0.0.0",
      clan: "../c",
      gitCommit: true,
      noNix: true,
      allowHosts: ["box.lan"],
    });
  });
  it("refuses what it does not understand", () => {
    expect(parseServeArgs(["--port", "http"])).toHaveProperty("error");
    expect(parseServeArgs(["--port", "70000"])).toHaveProperty("error");
    expect(parseServeArgs(["--clan"])).toHaveProperty("error");
    expect(parseServeArgs(["--clan", "--git-commit"])).toHaveProperty("error");
    expect(parseServeArgs(["--git-commit"])).toEqual({ error: "--git-commit needs --clan <dir>" });
    expect(parseServeArgs(["--frobnicate"])).toEqual({ error: "unknown option --frobnicate" });
    expect(parseServeArgs(["--clan"])).toEqual({ error: "--clan needs a value" });
    expect(parseServeArgs(["--help"])).toEqual({ help: true });
  });
});

describe("host names the server answers under", () => {
  it("is the loopback names, plus the address given with --host and --allow-host", () => {
    expect([...allowedHostNames("127.0.0.1")].sort()).toEqual(["127.0.0.1", "[::1]", "localhost"]);
    expect(allowedHostNames("192.168.1.5", ["Box.LAN"]).has("box.lan")).toBe(true);
    expect(allowedHostNames("192.168.1.5").has("192.168.1.5")).toBe(true);
    expect(allowedHostNames("::1").has("[::1]")).toBe(true);
  });
});
