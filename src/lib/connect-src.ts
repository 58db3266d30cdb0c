// Where the page may connect (the Content-Security-Policy's connect-src): this site, any https
// address and this computer over http (127.0.0.1, localhost, any port), the places a clan's files
// are served from. One place for index.html's policy and the server's (src/server/static-files.ts);
// src/state/remote-address.ts refuses other addresses before the browser would.

/** The connect-src the page's policy allows. */
export const CONNECT_SRC = "'self' https: http://127.0.0.1:* http://localhost:*";
