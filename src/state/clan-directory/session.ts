// Clan directory mode (issue 8): the page is served by `clan-inventory serve --clan <dir>`.
// The server marks its index.html with `<meta name="clan-inventory-mode" content="clan-directory">`
// and prints an address with a `token` query parameter that every API call must carry. This file
// is the one place that decides whether we are in that mode and how API calls are authorised, so
// the server (src/server) and its client change together here.
const TOKEN_KEY = "clan-editor:api-token";
/** Must match MODE_META_NAME in src/server/app-server.ts. */
const MODE_META_NAME = "clan-inventory-mode";

let token: string | null | undefined;

/** The API token when the page is served in clan directory mode, else null. The token is read
 * from the first address, kept for the tab's session (in-app navigation and reloads keep
 * working), and removed from the address bar so it does not end up in history or shared links. */
export function clanDirectoryToken(): string | null {
  if (token !== undefined) return token;
  if (typeof window === "undefined") return (token = null);
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get("token");
  try {
    if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
    token = fromUrl ?? (servedForClanDirectory() ? sessionStorage.getItem(TOKEN_KEY) : null);
  } catch {
    token = fromUrl;
  }
  if (fromUrl) {
    url.searchParams.delete("token");
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }
  return token;
}

/** Whether the server announced clan directory mode in the page. */
export function servedForClanDirectory(): boolean {
  if (typeof document === "undefined") return false;
  return document.querySelector(`meta[name="${MODE_META_NAME}"]`)?.getAttribute("content") === "clan-directory";
}

/** Clan directory mode: the page comes from `serve --clan` (or carries a token in its address). */
export function isClanDirectoryMode(): boolean {
  return servedForClanDirectory() || clanDirectoryToken() !== null;
}

/** fetch() for the local server's API, authorised with the token. */
export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const t = clanDirectoryToken();
  if (t) headers.set("Authorization", `Bearer ${t}`);
  return fetch(path, { ...init, headers });
}

/** For tests: forget the token read so far. */
export function resetClanDirectorySession(): void {
  token = undefined;
}
