// Clan directory mode (issue 8): the page is served by `clan-inventory serve --clan <dir>`, which
// prints an address with a `token` query parameter that every API call must carry. This file is
// the one place that decides whether we are in that mode and how API calls are authorised, so
// the server and its client change together here.
const TOKEN_KEY = "clan-editor:api-token";

let token: string | null | undefined;

/** The API token when the page is served in clan directory mode, else null. The token is read
 * from the first address (navigation drops the query) and kept for the tab's session. */
export function clanDirectoryToken(): string | null {
  if (token !== undefined) return token;
  if (typeof window === "undefined") return (token = null);
  const fromUrl = new URLSearchParams(window.location.search).get("token");
  try {
    if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
    token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY);
  } catch {
    token = fromUrl;
  }
  return token;
}

export function isClanDirectoryMode(): boolean {
  return clanDirectoryToken() !== null;
}

/** fetch() for the local server's API, authorised with the token. */
export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const t = clanDirectoryToken();
  if (t) headers.set("Authorization", `Bearer ${t}`);
  return fetch(path, { ...init, headers });
}
