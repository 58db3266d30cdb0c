// Which Chromium the end-to-end tests drive: Playwright's own download when present, else the
// system's (Debian: `apt-get install chromium`), else undefined with a clear message.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined; // Playwright finds its own browser
  } catch {
    // no Playwright browser downloaded
  }
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (existsSync(p)) return p;
  }
  return undefined;
}

export function chromiumMissingMessage() {
  return [
    "No Chromium found for the end-to-end tests.",
    "Install one of:",
    "  - Playwright's browser:  npx playwright install chromium",
    "  - Debian/Ubuntu:         sudo apt-get install chromium",
    "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  ].join("\n");
}

export function hasChromium() {
  if (chromiumExecutable()) return true;
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}
