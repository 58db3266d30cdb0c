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
