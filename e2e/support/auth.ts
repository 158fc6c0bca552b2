import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

export interface User {
  name: string;
  email: string;
  password: string;
}

/** A unique account per test, so tests share nothing but the server. */
export function newUser(): User {
  const tag = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  return {
    name: `E2E ${tag}`,
    email: `e2e-${tag}@example.com`,
    password: "correct horse battery staple",
  };
}

/** Sign-ups the server turned away with 429 (see signUp): the page fixture forgives their console errors. */
export const RATE_LIMITED = Symbol("rate-limited sign-ups");

/**
 * Signs up through the sign-up form and waits for the flow list. The harness raises the server's
 * sign-up limit per address (SWITCHYARD_SIGNUP_LIMIT in scripts/serve.mjs) since the whole suite
 * signs up from one; should a server still refuse (429), this waits as long as the page says
 * (extending the test's timeout by as much) and tries again.
 */
export async function signUp(page: Page, user: User = newUser()): Promise<User> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(user.name);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    const flows = page.getByRole("heading", { name: "Flows", level: 1 });
    const limited = page.getByRole("alert").filter({ hasText: "Too many attempts" });
    await expect(flows.or(limited)).toBeVisible();
    if (await flows.isVisible()) return user;
    const waitS = Number(/wait (\d+) s/.exec((await limited.textContent()) ?? "")?.[1] ?? 60) + 1;
    const tagged = page as Page & { [RATE_LIMITED]?: number };
    tagged[RATE_LIMITED] = (tagged[RATE_LIMITED] ?? 0) + 1;
    test.info().setTimeout(test.info().timeout + waitS * 1000);
    await page.waitForTimeout(waitS * 1000);
  }
  throw new Error("sign-up stayed rate-limited");
}

/** Signs in through the sign-in form (on the sign-in page already, or going there first). */
export async function signIn(page: Page, user: User): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
