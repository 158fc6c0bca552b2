import { test, expect } from "../support/fixtures";
import { editor } from "../support/editor";
import { importFlowFile } from "../support/flows";
import { screenshot, startRun, waitForRunEnd } from "../support/run";
import { longRunningFlow } from "../fixtures/flows";

test("cancelling a long run stops its nodes and shows the run as cancelled", async ({ page }) => {
  await importFlowFile(page, {
    name: "long.json",
    text: JSON.stringify(longRunningFlow("Long story", 30)),
  });
  const runId = await startRun(page);
  await expect(editor.nodeStatus(page, "storyteller")).toHaveText("running");
  await expect(editor.nodeText(page, "storyteller")).toHaveText(/word1 word2/);

  const panel = editor.runPanel(page);
  await panel.getByRole("button", { name: "Cancel run" }).click();
  await waitForRunEnd(page, "cancelled");
  await expect(editor.currentRun(page).locator(".sy-pill")).toHaveText("cancelled");

  // The node stopped mid-reply, and stays stopped.
  await expect(editor.nodeStatus(page, "storyteller")).not.toHaveText("running");
  await expect(editor.nodeStatus(page, "answer")).not.toHaveText(/running|done/);
  const stoppedAt = await editor.nodeText(page, "storyteller").textContent();
  expect(stoppedAt).not.toContain("word120");
  await page.waitForTimeout(1_000); // a stopped stream must not grow: give it time to show that it doesn't
  await expect(editor.nodeText(page, "storyteller")).toHaveText(stoppedAt ?? "");
  await expect(editor.canvas(page).locator(".sy-edge.is-flowing")).toHaveCount(0);

  await screenshot(page, "cancelled.png");

  // The form is usable again, and the run page agrees.
  await expect(panel.getByRole("button", { name: "▶ Run", exact: true })).toBeEnabled();
  await page.goto(`/runs/${runId}`);
  await expect(page.locator(".sy-rd__titlebar")).toContainText("cancelled");
  const list = page.getByRole("navigation", { name: "Nodes of this run" });
  await expect(list.getByRole("button", { name: /^storyteller / })).not.toContainText("running");
});
