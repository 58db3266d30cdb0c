// Reading an inventory or a catalog from an address (`?inventory=`, `?catalog=`, Catalog → Load
// address). The page's Content-Security-Policy (src/lib/connect-src.ts) lets it connect to this
// site, to any https address and to this computer over http (127.0.0.1, localhost, any port): the
// places a clan's files are served from. Other http addresses would be blocked by the browser with
// a bare "Failed to fetch", so they are refused here first, saying why. What is read is only ever
// parsed as data (JSON, the data subset of Nix), never run.

const LOOPBACK = new Set(["127.0.0.1", "localhost"]);

/** Why an address cannot be read, or undefined when it can (relative addresses are this site's). */
export function addressProblem(address: string, base: string = window.location.href): string | undefined {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    return `“${address}” is not an address.`;
  }
  if (url.origin === new URL(base).origin) return undefined;
  if (url.protocol === "https:") return undefined;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return undefined;
  if (url.protocol === "http:") {
    return `${address} is plain http on another computer: the editor reads https addresses and this computer's (http://127.0.0.1, http://localhost). Serve the file over https, or download it and import it.`;
  }
  return `${address} is not a web address (${url.protocol}): use an https address, or import the file.`;
}

/**
 * Reads an address as text, or throws an Error whose message says what happened: not allowed
 * (see addressProblem), not reachable or not shared with this page (CORS), or the server's answer.
 */
export async function fetchAddressText(address: string, { signal, maxBytes }: { signal?: AbortSignal; maxBytes?: number } = {}): Promise<string> {
  const problem = addressProblem(address);
  if (problem) throw new Error(problem);
  let res: Response;
  try {
    // No cookies or credentials go along, and no Referer (it may hold a clan directory's token).
    res = await fetch(address, { signal, credentials: "omit", referrerPolicy: "no-referrer" });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new Error(
      `The browser could not read ${address} (${(e as Error).message}): the server did not answer, or it does not let other sites read the file — it must send Access-Control-Allow-Origin (CORS). Check the address, or download the file and import it.`,
    );
  }
  if (!res.ok) throw new Error(`${address} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ""}: ${res.status === 404 ? "there is no file there." : "the server refused it."}`);
  const length = Number(res.headers.get("content-length") ?? "0");
  if (maxBytes && length > maxBytes) throw new Error(`${address} is ${(length / 1048576).toFixed(1)} MB; at most ${maxBytes / 1048576} MB can be read.`);
  const text = await res.text();
  if (maxBytes && text.length > maxBytes) throw new Error(`${address} is more than ${maxBytes / 1048576} MB; at most that can be read.`);
  return text;
}
