import type { Page } from "@playwright/test";
import { test, expect } from "../support/fixtures";
import { editor } from "../support/editor";
import { importFlowFile } from "../support/flows";
import { startRun, waitForRunEnd } from "../support/run";
import { markupFlow, XSS_NAME, XSS_REPLY } from "../fixtures/flows";

/** Nothing from the flow or the model became markup: no injected element, and no handler or script ran. */
async function expectNoMarkup(page: Page, where: string): Promise<void> {
  await expect(page.locator('img[src="x"]'), `${where}: an <img> from text`).toHaveCount(0);
  await expect(
    page.locator("b", { hasText: /^(bold|hi)$/ }),
    `${where}: a <b> from text`,
  ).toHaveCount(0);
  await expect(
    page.locator("script", { hasText: "__xss" }),
    `${where}: a <script> from text`,
  ).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    `${where}: window.__xss`,
  ).toBeUndefined();
}

test("names, inputs and model replies are shown as text, never as HTML", async ({ page }) => {
  const flowId = await importFlowFile(page, {
    name: "markup.json",
    text: JSON.stringify(markupFlow()),
  });

  // The editor: the name in the toolbar and in the settings, literally.
  await expect(editor.toolbar(page).getByText(XSS_NAME, { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(XSS_NAME.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await expect(
    editor.inspector(page).getByRole("textbox", { name: "Name (required)" }),
  ).toHaveValue(XSS_NAME);
  const first = await startRun(page, { seed: 1 });
  await waitForRunEnd(page, "completed");
  await expect(editor.nodeText(page, "echo")).toHaveText(XSS_REPLY);
  await expect(editor.totals(page).locator(".sy-totals__outputs")).toHaveText(
    `answer: ${XSS_REPLY}`,
  );
  await expect(editor.currentRun(page).locator(".sy-run-outputs__item pre")).toHaveText(XSS_REPLY);
  await expectNoMarkup(page, "editor");
  const second = await startRun(page, { seed: 2 });
  await waitForRunEnd(page, "completed");
  await expectNoMarkup(page, "editor, second run");

  // The flow list.
  await page.goto("/");
  await expect(page.getByRole("link", { name: XSS_NAME, exact: true })).toBeVisible();
  await expect(
    page.getByText(`<img src=x onerror="window.__xss=3">`, { exact: true }),
  ).toBeVisible();
  await expectNoMarkup(page, "flow list");

  // The run's page: title, inputs, outputs and the graph.
  await page.goto(`/runs/${first}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(XSS_NAME);
  const io = page.getByRole("region", { name: "Inputs and outputs" });
  await expect(io.getByText(XSS_REPLY, { exact: true })).toBeVisible();
  await expect(
    io.getByText(`<b>hi</b><img src=x onerror="window.__xss=4">`, { exact: true }),
  ).toBeVisible();
  await expect(
    page
      .getByRole("application", { name: /Flow graph of this run/ })
      .getByRole("group", { name: "Model node echo" }),
  ).toContainText(XSS_REPLY);
  await page
    .getByRole("navigation", { name: "Nodes of this run" })
    .getByRole("button", { name: /^echo / })
    .click();
  await expect(page.getByRole("complementary", { name: "Node echo" })).toContainText(XSS_REPLY);
  await expectNoMarkup(page, "run detail");

  // The history and the comparison of the two runs.
  await page.goto(`/flows/${flowId}/runs`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(XSS_NAME);
  await expectNoMarkup(page, "run history");
  await page.goto(`/flows/${flowId}/compare?a=${first}&b=${second}`);
  await expect(page.getByRole("heading", { name: "Compare runs" })).toBeVisible();
  const echo = page.getByRole("article", { name: "echo" });
  await expect(echo.getByLabel("Output of echo in run A")).toHaveText(XSS_REPLY);
  await expect(echo.getByLabel("Output of echo in run B")).toHaveText(XSS_REPLY);
  await expect(
    page.getByRole("link", {
      name: new RegExp(`Runs of ${XSS_NAME.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    }),
  ).toBeVisible();
  await expectNoMarkup(page, "compare");
});
