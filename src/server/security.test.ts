// Requests the server must refuse, sent over real HTTP with node:http so that Host, Origin and
// Content-Length are exactly what an attacker could send.
import { request } from "node:http";
import { readdir } from "node:fs/promises";
import { startAppServer } from "./app-server";
import { putInventory, startTempClan, type TempClan } from "./testing/temp-clan";

let clan: TempClan;
beforeEach(async () => {
  clan = await startTempClan();
});
afterEach(async () => {
  await clan.close();
});

interface RawResponse {
  status: number;
  body: string;
}

/** A request with exactly these headers (fetch would set Host and forbid changing it). */
function raw(method: string, path: string, headers: Record<string, string | number>, body?: Buffer | string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: clan.server.port, method, path, headers, setHost: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

const host = () => `127.0.0.1:${clan.server.port}`;

describe("the token", () => {
  it("is required on every API address", async () => {
    for (const [method, path] of [
      ["GET", "/api/inventory"],
      ["PUT", "/api/inventory"],
      ["GET", "/api/catalog"],
      ["GET", "/api/readonly"],
      ["GET", "/api/session"],
    ] as const) {
      const res = await raw(method, path, { host: host(), "content-type": "application/json", "if-match": '"absent"' }, method === "PUT" ? "{}" : undefined);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    expect(await readdir(clan.dir)).toEqual(["flake.nix"]);
  });

  it("must be the right one", async () => {
    const res = await clan.api("/api/inventory", { token: clan.server.token.replace(/.$/, (c) => (c === "a" ? "b" : "a")) });
    expect(res.status).toBe(401);
    expect((await clan.api("/api/inventory", { token: "short" })).status).toBe(401);
  });

  it("is accepted as a header, a bearer token or a query parameter", async () => {
    expect((await clan.api("/api/inventory")).status).toBe(200);
    expect((await clan.api("/api/inventory", { token: null, headers: { authorization: `Bearer ${clan.server.token}` } })).status).toBe(200);
    expect((await clan.api(`/api/inventory?token=${clan.server.token}`, { token: null })).status).toBe(200);
  });

  it("is random for each server", async () => {
    const other = await startAppServer({ distDir: clan.dist, port: 0, clan: clan.ctx });
    expect(other.token).not.toBe(clan.server.token);
    expect(other.token.length).toBeGreaterThanOrEqual(40);
    await other.close();
  });

  it("is not needed for the app's pages, which hold no data", async () => {
    const res = await raw("GET", "/", { host: host() });
    expect(res.status).toBe(200);
  });
});

describe("Host (DNS rebinding)", () => {
  it("refuses a foreign host name, even with the token", async () => {
    for (const h of [`evil.example:${clan.server.port}`, "evil.example", `127.0.0.1.nip.io:${clan.server.port}`, `localhost:${clan.server.port + 1}`]) {
      const api = await raw("GET", "/api/inventory", { host: h, "x-clan-token": clan.server.token });
      expect(api.status, h).toBe(403);
      const page = await raw("GET", "/", { host: h });
      expect(page.status, h).toBe(403);
    }
  });

  it("refuses a request without Host", async () => {
    const res = await raw("GET", "/api/inventory", { "x-clan-token": clan.server.token });
    // node:http itself answers 400 to an HTTP/1.1 request without Host.
    expect([400, 403]).toContain(res.status);
  });

  it("accepts the loopback names", async () => {
    for (const h of [`127.0.0.1:${clan.server.port}`, `localhost:${clan.server.port}`, `LOCALHOST:${clan.server.port}`]) {
      expect((await raw("GET", "/api/inventory", { host: h, "x-clan-token": clan.server.token })).status, h).toBe(200);
    }
  });
});

describe("Origin (other web sites)", () => {
  it("refuses a write from another origin, even with the token", async () => {
    for (const origin of ["https://evil.example", "http://localhost:5173", "null", `http://127.0.0.1:${clan.server.port + 1}`]) {
      const res = await raw(
        "PUT",
        "/api/inventory",
        { host: host(), origin, "x-clan-token": clan.server.token, "content-type": "application/json", "if-match": '"absent"' },
        '{"meta":{"name":"pwned"}}',
      );
      expect(res.status, origin).toBe(403);
    }
    expect(await readdir(clan.dir)).toEqual(["flake.nix"]);
  });

  it("refuses what the browser marks as cross-site", async () => {
    const res = await raw("GET", "/api/inventory", { host: host(), "sec-fetch-site": "cross-site", "x-clan-token": clan.server.token });
    expect(res.status).toBe(403);
  });

  it("accepts the server's own origin", async () => {
    const res = await raw(
      "PUT",
      "/api/inventory",
      { host: host(), origin: clan.server.origin, "sec-fetch-site": "same-origin", "x-clan-token": clan.server.token, "content-type": "application/json", "if-match": '"absent"' },
      '{"meta":{"name":"ok"}}',
    );
    expect(res.status).toBe(200);
  });
});

describe("size", () => {
  const big = Buffer.alloc(10 * 1024 * 1024 + 10, 0x20);

  it("refuses a declared body over 10 MB (413) and writes nothing", async () => {
    const res = await raw(
      "PUT",
      "/api/inventory",
      { host: host(), "x-clan-token": clan.server.token, "content-type": "application/json", "if-match": '"absent"', "content-length": big.length },
      big,
    ).catch((e: Error) => ({ status: -1, body: e.message }));
    // The server answers before reading the body, then drains and closes the connection.
    expect(res.status).toBe(413);
    expect(await readdir(clan.dir)).toEqual(["flake.nix"]);
  });

  it("refuses a chunked body that grows over 10 MB (413)", async () => {
    const res = await clan
      .api("/api/inventory", {
        method: "PUT",
        headers: { "content-type": "application/json", "if-match": '"absent"' },
        body: new Blob([big]).stream(),
        // @ts-expect-error -- Node's fetch needs this for a streamed body
        duplex: "half",
      })
      .catch((e: Error) => ({ status: -1, message: e.message }));
    expect(res.status).toBe(413);
    expect(await readdir(clan.dir)).toEqual(["flake.nix"]);
  });

  it("accepts a body just under the limit", async () => {
    const name = "x".repeat(9 * 1024 * 1024);
    const res = await putInventory(clan, { meta: { name } }, '"absent"');
    expect(res.status).toBe(200);
  });
});

describe("the file system", () => {
  it("only ever writes inventory.json, whatever the request says", async () => {
    const attempts = ["/api/inventory/../flake.nix", "/api/inventory?file=../../etc/passwd", "/api/inventory/x", "/api/../flake.nix", "/flake.nix"];
    for (const path of attempts) {
      await raw("PUT", path, { host: host(), "x-clan-token": clan.server.token, "content-type": "application/json", "if-match": "*" }, '{"meta":{"name":"x"}}');
    }
    const names = (await readdir(clan.dir)).sort();
    expect(names.every((n) => n === "flake.nix" || n === "inventory.json")).toBe(true);
  });

  it("serves no API without --clan", async () => {
    const plain = await startAppServer({ distDir: clan.dist, port: 0 });
    const res = await fetch(`${plain.origin}/api/inventory?token=${plain.token}`);
    expect(res.status).toBe(404);
    await plain.close();
  });
});
