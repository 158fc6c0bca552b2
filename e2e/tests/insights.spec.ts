import type { Locator, Page } from "@playwright/test";
import { test, expect } from "../support/fixtures";
import { newFromTemplate } from "../support/flows";
import { screenshot, startRun, waitForRunEnd } from "../support/run";

const COST = /^\$(?!0$)[\d.]+$/;

/** The Models page's table, and one model's cell under a column header. */
function modelsTable(page: Page) {
  const table = page.getByRole("table", { name: /^Models used by/ });
  const cell = async (model: string, column: string): Promise<Locator> => {
    const headers = (await table.locator("thead th").allTextContents()).map((h) => h.trim());
    const index = headers.indexOf(column);
    expect(index, `column ${column} in ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
    const row = table.locator("tbody tr").filter({
      has: page.getByRole("rowheader", { name: new RegExp(`^${model}\\b`) }),
    });
    return row.locator("th, td").nth(index);
  };
  return { table, cell };
}

test("the Models page adds up each model's calls, errors and cost, by period and by flow", async ({
  page,
}) => {
  // A new account has no calls yet.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
  await page.waitForURL("**/insights");
  await expect(page.getByRole("heading", { name: "Models", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "No model calls in this period" })).toBeVisible();

  // Two ensemble votes (sim:fast twice and sim:strong once per run) and one fallback chain, whose
  // sim:strong primary fails after 3 attempts and whose first sim:fast fallback times out.
  await newFromTemplate(page, "Ensemble vote");
  for (const seed of [1, 2]) {
    await startRun(page, { seed });
    await waitForRunEnd(page, "completed");
  }
  await newFromTemplate(page, "Fallback chain");
  await startRun(page);
  await waitForRunEnd(page, "completed");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
  const { table, cell } = modelsTable(page);
  await expect(table.getByRole("rowheader")).toHaveText(["sim:strongSIM", "sim:fastSIM"]);
  const expected = {
    "sim:strong": { Calls: "3", "Error rate": /^33% \(high\)$/, Retries: "2" },
    "sim:fast": { Calls: "6", "Error rate": /^17% \(high\)$/, Retries: "0" },
  };
  for (const [model, cells] of Object.entries(expected)) {
    for (const [column, text] of Object.entries(cells))
      await expect(await cell(model, column)).toHaveText(text);
    await expect(await cell(model, "Provider")).toHaveText("Simulated");
    await expect(await cell(model, "Cost")).toHaveText(COST);
    await expect(await cell(model, "p50")).toHaveText(/^\d+(\.\d+)? (ms|s)$/);
    await expect((await cell(model, "Cost per day")).getByRole("img")).toHaveAccessibleName(
      /^Cost per day over 8 days, highest \$/,
    );
  }
  await expect(page.getByText(/^2 models · 9 calls · \$[\d.]+ in the last 7 days$/)).toBeVisible();

  // One flow only: the ensemble's calls, none failed.
  await page.getByLabel("Flow", { exact: true }).selectOption({ label: "Ensemble vote" });
  await expect(await cell("sim:fast", "Calls")).toHaveText("4");
  await expect(await cell("sim:strong", "Calls")).toHaveText("2");
  await expect(await cell("sim:strong", "Error rate")).toHaveText("0%");
  await page.getByLabel("Flow", { exact: true }).selectOption({ label: "All flows" });
  await expect(await cell("sim:fast", "Calls")).toHaveText("6");

  // The period, by mouse and by keyboard: the last 24 hours bucket the cost by hour.
  await page.getByText("24 h", { exact: true }).click();
  await expect(page.getByRole("radio", { name: "24 h" })).toBeChecked();
  await expect(table.getByRole("columnheader", { name: "Cost per hour" })).toBeVisible();
  await expect(await cell("sim:strong", "Calls")).toHaveText("3");
  await page.getByRole("radio", { name: "24 h" }).press("ArrowRight");
  await expect(page.getByRole("radio", { name: "7 d" })).toBeChecked();
  await page.getByRole("radio", { name: "7 d" }).press("ArrowRight");
  await expect(page.getByRole("radio", { name: "30 d" })).toBeChecked();
  await expect(page.getByText(/in the last 30 days$/)).toBeVisible();
  await expect(await cell("sim:fast", "Calls")).toHaveText("6");
  await page.getByRole("radio", { name: "30 d" }).press("ArrowLeft");
  await expect(page.getByText(/in the last 7 days$/)).toBeVisible();
  await screenshot(page, "insights.png");
});
