import type { Browser, Page } from "@playwright/test";
import { test, expect, expectConsoleErrors } from "../support/fixtures";
import { signIn, type User } from "../support/auth";
import { editor, save, selectNode, waitForEditor } from "../support/editor";
import { newFromTemplate } from "../support/flows";
import { screenshot } from "../support/run";

const KEPT = "Your session ended. Sign in again to get back to your flow — your unsaved changes are kept.";
const RESTORED = "Restored your unsaved changes from before you signed in";

/** Replaces the prompt of `nodeId` in the inspector; returns the new text. */
async function editPrompt(page: Page, nodeId: string, text: string): Promise<string> {
  const inspector = await selectNode(page, nodeId);
  const prompt = inspector.getByRole("combobox", { name: "Prompt (required)" });
  await prompt.fill(text);
  await expect(prompt).toHaveValue(text);
  return text;
}

/** The session goes (cookies cleared, as when it expires) and Save is pressed: the app must go to sign-in, asking nothing. */
async function loseSessionAndSave(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // The refused calls are logged by the browser as failed resources; that is the point of the test.
  expectConsoleErrors(page, /status of 401/);
  await page.context().clearCookies();
  await editor.toolbar(page).getByRole("button", { name: "Save", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  return dialogs;
}

function draftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith("switchyard.draft")));
}

/** The same user, in a browser of their own, saves a new version of the flow. */
async function saveElsewhere(browser: Browser, user: User, flowId: string): Promise<void> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 800 } });
  const other = await context.newPage();
  await signIn(other, user);
  await expect(other.getByRole("heading", { name: "Flows", level: 1 })).toBeVisible();
  await other.goto(`/flows/${flowId}`);
  await waitForEditor(other);
  await editPrompt(other, "review", "Review this code, briefly: {{nodes.code}}");
  expect(await save(other)).toBe(2);
  await context.close();
}

test("an edit made when the session ends is kept across signing in again, then saves", async ({ page, user }) => {
  const flowId = await newFromTemplate(page, "Plan, code, review");
  const edited = await editPrompt(page, "plan", "Plan the work in three short steps: {{input.task}}");
  await expect(editor.saveStatus(page)).toHaveText("Unsaved changes");

  const dialogs = await loseSessionAndSave(page);
  expect(dialogs, "no leave-without-saving question on the way to sign-in").toEqual([]);
  await expect(page.getByRole("status").filter({ hasText: KEPT })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("next")).toBe(`/flows/${flowId}`);
  await screenshot(page, "session-ended-sign-in.png");

  await signIn(page, user);
  await page.waitForURL((url) => url.pathname === `/flows/${flowId}`);
  await waitForEditor(page);
  await expect(page.getByRole("status").filter({ hasText: RESTORED })).toBeVisible();
  await expect(editor.saveStatus(page)).toHaveText("Unsaved changes");
  const inspector = await selectNode(page, "plan");
  await expect(inspector.getByRole("combobox", { name: "Prompt (required)" })).toHaveValue(edited);
  await screenshot(page, "session-ended-restored.png");

  expect(await save(page)).toBe(2);
  expect(await draftKeys(page), "a saved draft is gone").toEqual([]);
  await page.getByRole("tab", { name: "Versions" }).click();
  const versions = page.getByRole("list", { name: "Saved versions" }).getByRole("listitem");
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText("v2");
  await expect(versions.first()).toContainText("latest");

  // The saved version is what the server has: a fresh load shows the edit, and nothing is restored.
  await page.reload();
  await waitForEditor(page);
  await expect(page.getByText(RESTORED)).toHaveCount(0);
  await expect(editor.saveStatus(page)).toHaveText("Saved · v2");
  const reloaded = await selectNode(page, "plan");
  await expect(reloaded.getByRole("combobox", { name: "Prompt (required)" })).toHaveValue(edited);
});

test("a draft restored after the flow moved on says so, and Save asks before replacing the newer version", async ({ page, user, browser }) => {
  const flowId = await newFromTemplate(page, "Plan, code, review");
  const edited = await editPrompt(page, "plan", "Plan it in two steps: {{input.task}}");
  await loseSessionAndSave(page);
  await expect(page.getByRole("status").filter({ hasText: KEPT })).toBeVisible();

  await saveElsewhere(browser, user, flowId);

  await signIn(page, user);
  await page.waitForURL((url) => url.pathname === `/flows/${flowId}`);
  await waitForEditor(page);
  const restored = page.getByRole("status").filter({ hasText: RESTORED });
  await expect(restored).toContainText("Version 2 was saved since");
  await expect(editor.saveStatus(page)).toHaveText("Unsaved changes");
  await screenshot(page, "session-ended-restored-moved-on.png");

  // The existing conflict path: refused, then kept as the newest version on purpose.
  await editor.toolbar(page).getByRole("button", { name: "Save", exact: true }).click();
  const conflict = page.getByRole("alert").filter({ hasText: "Not saved." });
  await expect(conflict).toBeVisible();
  expectConsoleErrors(page, /status of 409/);
  await conflict.getByRole("button", { name: "Save mine as the newest version" }).click();
  await expect(editor.saveStatus(page)).toHaveText("Saved · v3");
  expect(await draftKeys(page)).toEqual([]);
  const inspector = await selectNode(page, "plan");
  await expect(inspector.getByRole("combobox", { name: "Prompt (required)" })).toHaveValue(edited);
});

test("a draft belongs to its user: someone else signing in on this browser never sees it", async ({ page, user }) => {
  const flowId = await newFromTemplate(page, "Plan, code, review");
  const edited = await editPrompt(page, "plan", "Plan carefully: {{input.task}}");
  await loseSessionAndSave(page);

  // Another person creates an account here and opens the flow's address: not theirs, and no draft shows.
  await page.getByRole("link", { name: "Create an account" }).click();
  const other = { name: "Someone Else", email: `else-${Date.now()}@example.com`, password: "another horse battery staple" };
  await page.getByLabel("Name").fill(other.name);
  await page.getByLabel("Email").fill(other.email);
  await page.getByLabel("Password").fill(other.password);
  await page.getByRole("button", { name: "Create account" }).click();
  expectConsoleErrors(page, /status of 404/);
  await page.waitForURL((url) => url.pathname === `/flows/${flowId}`);
  await expect(page.getByText(RESTORED)).toHaveCount(0);
  await expect(page.getByText(edited)).toHaveCount(0);
  expect(await draftKeys(page), "still kept for its owner").toHaveLength(1);

  // The owner signs in again later and gets it back.
  await page.getByRole("button", { name: other.name }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, user);
  await expect(page.getByRole("heading", { name: "Flows", level: 1 })).toBeVisible();
  await page.goto(`/flows/${flowId}`);
  await waitForEditor(page);
  await expect(page.getByRole("status").filter({ hasText: RESTORED })).toBeVisible();
  const inspector = await selectNode(page, "plan");
  await expect(inspector.getByRole("combobox", { name: "Prompt (required)" })).toHaveValue(edited);
});
