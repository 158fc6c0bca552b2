/**
 * Debian's Chromium, as the machine provides it (Playwright downloads no browser here), with the
 * flags TOOLCHAIN.md gives. Shared by playwright.config.ts and the canvas benchmark
 * (bench/canvas), which borrows Playwright from this package.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export { chromium } from "@playwright/test";
export type { Browser, BrowserContext, CDPSession, Page } from "@playwright/test";
