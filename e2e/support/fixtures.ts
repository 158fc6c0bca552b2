import { test as base, expect, type Page } from "@playwright/test";
import { RATE_LIMITED, signUp, type User } from "./auth";

const TOO_MANY = /Failed to load resource: the server responded with a status of 429/;

const EXPECTED = Symbol("console errors a test expects");

/** Lets a test say which console errors it causes on purpose (a 401 after its session is cleared). */
export function expectConsoleErrors(page: Page, pattern: RegExp): void {
  const tagged = page as Page & { [EXPECTED]?: RegExp[] };
  (tagged[EXPECTED] ??= []).push(pattern);
}

/**
 * The tests' `test`: every page fails its test when the app throws (`pageerror`) or logs a console
 * error, and every test starts signed in as `user`: a fresh account signed up through the sign-up
 * page (each test its own).
 */
export const test = base.extend<{ user: User }>({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
    });
    await use(page);
    // A sign-up turned away by the server's rate limit (and retried) logs one 429 each; nothing else may.
    let forgiven = (page as typeof page & { [RATE_LIMITED]?: number })[RATE_LIMITED] ?? 0;
    const expected = (page as typeof page & { [EXPECTED]?: RegExp[] })[EXPECTED] ?? [];
    const unexpected = problems.filter((p) => !(TOO_MANY.test(p) && forgiven-- > 0) && !expected.some((e) => e.test(p)));
    expect(unexpected, "the app threw or logged errors").toEqual([]);
  },
  user: [
    async ({ page }, use) => {
      await use(await signUp(page));
    },
    { auto: true },
  ],
});

export { expect };
