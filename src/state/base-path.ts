// Where the app is served from: "/" by `npm start` and `clan-inventory serve`, "/some/path/"
// after `npm run build -- --base /some/path/` for a static host (Vite's BASE_URL, fixed at
// build time). Every address the app makes goes through here: the router's base, the files of
// public/ it fetches, and the few plain links outside the router.
export const BASE_URL: string = import.meta.env.BASE_URL;

/** The router's base: BASE_URL without its trailing slash ("" at the root). */
export const ROUTER_BASE = BASE_URL.replace(/\/$/, "");

/** A file of public/ (the demo inventory, the embedded catalog) as the page must ask for it. */
export function publicFile(name: string): string {
  return `${BASE_URL}${name}`;
}
