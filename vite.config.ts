/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    // Budgets are checked by scripts/check-bundle.mjs from the manifest.
    manifest: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Modules that both the start-up code and lazy chunks use would each get a chunk of their
        // own (react, zod, the JSON helpers, the store…: seven chunks of 0.3–8 KB), which gzip
        // compresses apart. All of them load at start anyway: one chunk saves 1.3 KB gzip of the
        // initial JavaScript (scripts/check-bundle.mjs). Only list modules the start-up code imports.
        codeSplitting: {
          groups: [{ name: "shared", test: /node_modules\/(react|react-dom|scheduler|zod|zustand|use-sync-external-store)\/|src\/model\/(json|accessors|tags|zod|inventory-schema)\.ts|src\/app\/store\.ts/ }],
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
