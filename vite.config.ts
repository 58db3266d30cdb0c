/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { copyFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";

export default defineConfig({
  plugins: [react(), tailwindcss(), deepLinksOnStaticHosts()],
  build: {
    // Budgets are checked by scripts/check-bundle.mjs from the manifest.
    manifest: true,
    sourcemap: false,
    rolldownOptions: {
      // Tailwind's transform is slow on a busy machine: rolldown's warning about it says nothing
      // a user of `npm start` can act on.
      checks: { bundlerTimings: false },
      output: {
        // Modules that both the start-up code and lazy chunks use would each get a chunk of their
        // own (react, zod, the JSON helpers, the store…: seven chunks of 0.3–8 KB), which gzip
        // compresses apart. All of them load at start anyway: one chunk saves 1.3 KB gzip of the
        // initial JavaScript (scripts/check-bundle.mjs); with the catalog's and React Query's modules
        // the lazy pages share, 2.4 KB more and 3 chunks instead of 9. Only list modules the
        // start-up code imports.
        codeSplitting: {
          groups: [
            {
              name: "shared",
              test: /node_modules\/(react|react-dom|scheduler|zod|zustand|use-sync-external-store|@tanstack\/query-core|@tanstack\/react-query)\/|src\/lib\/(json|zod)\.ts|src\/model\/(accessors|tags|inventory-schema|membership)\.ts|src\/state\/(store|catalog-sources|base-path|use-catalog|clan-directory\/session)\.ts|src\/catalog\/(catalog-schema|role-schema-dialect|resolve-module|core-input)\.ts/,
            },
          ],
        },
      },
    },
  },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  test: {
    globals: true,
    include: ["src/**/*.test.{ts,tsx}", "bin/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    setupFiles: ["./src/test-setup.ts"],
    testTimeout: 20000,
  },
});

/**
 * A static host answers an address it has no file for (a deep link such as /instances/web) with
 * its 404.html (GitHub and GitLab Pages, Netlify, Cloudflare Pages, `python -m http.server` does
 * not): the build's 404.html is the app itself, which reads the address and shows that page.
 */
function deepLinksOnStaticHosts(): Plugin {
  let outDir = "dist";
  return {
    name: "deep-links-on-static-hosts",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const index = join(outDir, "index.html");
      if (existsSync(index)) copyFileSync(index, join(outDir, "404.html"));
    },
  };
}
