import type { Page } from "@playwright/test";
import { test, expect } from "../support/fixtures";
import { newFromTemplate } from "../support/flows";
import { screenshot, startRun, waitForRunEnd } from "../support/run";

const CUT_OFF = "Reply cut off at the node's max tokens";
const REPLACED = "2 characters that can't be stored were replaced with \uFFFD";

/**
 * Gives the stored `node.completed` of `nodeId` what the engine reports for a reply it cut off and
 * repaired (issue 8, defects 2 and 6), on its way from the server to the page. The engine fills these
 * fields in on another branch; this checks that the page shows them wherever it shows a result.
 */
async function markReply(page: Page, nodeId: string): Promise<void> {
  await page.route(/\/api\/trpc\/[^?]*runs\.events/, async (route) => {
    const response = await route.fetch();
    const mark = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(mark);
      if (value === null || typeof value !== "object") return value;
      const entries = Object.entries(value).map(([k, v]) => [k, mark(v)] as const);
      const object = Object.fromEntries(entries) as Record<string, unknown>;
      return object.type === "node.completed" && object.nodeId === nodeId ? { ...object, replacedChars: 2, truncated: "max_tokens" } : object;
    };
    await route.fulfill({ response, json: mark(await response.json()) });
  });
}

test("a reply cut off at max tokens, with characters replaced, says so on the canvas node and in the run's node inspector", async ({ page }) => {
  await newFromTemplate(page, "Plan, code, review");
  const runId = await startRun(page);
  await waitForRunEnd(page, "completed");

  await markReply(page, "code");
  await page.goto(`/runs/${runId}`);
  const graph = page.getByRole("application", { name: /Flow graph of this run/ });
  const notices = graph.getByRole("group", { name: / node code$/ }).getByRole("list", { name: "About this reply" });
  await expect(notices.getByRole("listitem")).toHaveText(["Cut off at max tokens", "2 characters replaced with \uFFFD"]);
  await expect(notices.getByRole("listitem").first()).toHaveAttribute("title", CUT_OFF);
  // Only the node the engine marked.
  await expect(graph.getByRole("group", { name: / node plan$/ }).getByRole("list", { name: "About this reply" })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Nodes of this run" }).getByRole("button", { name: /^code / }).click();
  const inspector = page.getByRole("complementary", { name: "Node code" });
  await expect(inspector.getByRole("note")).toHaveText([CUT_OFF, REPLACED]);
  await screenshot(page, "result-notices-run.png");
});
