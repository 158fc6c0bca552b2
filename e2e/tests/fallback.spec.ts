import { test, expect } from "../support/fixtures";
import { editor, selectNode } from "../support/editor";
import { newFromTemplate } from "../support/flows";
import {
  nodeStates,
  openRunDetails,
  recordNodeStates,
  screenshot,
  startRun,
  waitForRunEnd,
} from "../support/run";

const FALLBACK_2_REPLY =
  "Incident summary: the primary region returned errors for 12 minutes; traffic failed over and no data was lost.";

test("the fallback chain retries the primary, falls back twice and answers with fallback-2", async ({
  page,
}) => {
  await newFromTemplate(page, "Fallback chain");
  await recordNodeStates(page);
  await startRun(page);
  await waitForRunEnd(page, "completed");

  // The primary went through its retries (HTTP 500 each time), then failed over. Retry states last
  // a few hundred ms and events arrive in per-frame batches, so at least one of them must have shown.
  const states = await nodeStates(page);
  const primary = states.primary ?? [];
  expect(
    primary.filter((s) => /^retrying [23]\/3$/.test(s)).length,
    JSON.stringify(primary),
  ).toBeGreaterThan(0);
  expect(primary.at(-1)).toBe("fell back");
  await expect(editor.node(page, "primary").locator(".sy-run__note")).toHaveText(
    /simulated 500 .*→ fell back to fallback-1 \(error\)/,
  );
  await screenshot(page, "fallback-chain.png");
  let inspector = await selectNode(page, "primary");
  const run = inspector.getByRole("region", { name: "Last run" });
  await expect(run.locator(".sy-kv > div").filter({ hasText: /^attempts/ })).toHaveText(
    "attempts3",
  );
  await expect(run.locator(".sy-kv > div").filter({ hasText: /^fell back to/ })).toHaveText(
    "fell back tofallback-1 (error)",
  );

  // The first fallback timed out and handed over to the second, which answered; the default wasn't needed.
  expect(states["fallback-1"]?.at(-1)).toBe("fell back");
  await expect(editor.node(page, "fallback-1").locator(".sy-run__note")).toHaveText(
    /did not answer within 500 ms → fell back to fallback-2 \(timeout\)/,
  );
  await expect(editor.nodeStatus(page, "fallback-2")).toHaveText("done");
  await expect(editor.nodeStatus(page, "default")).toHaveText("skipped");

  // The fallback edges taken are highlighted; the one not taken isn't.
  for (const [from, to] of [
    ["primary", "fallback-1"],
    ["fallback-1", "fallback-2"],
  ]) {
    await expect(editor.edge(page, from!, to!).locator("path.sy-edge")).toHaveClass(/\bis-taken\b/);
  }
  await expect(editor.edge(page, "fallback-2", "default").locator("path.sy-edge")).not.toHaveClass(
    /\bis-taken\b/,
  );
  await expect(editor.canvas(page).locator(".sy-edge-label--fallback.is-taken")).toHaveText([
    "fallback taken: error, timeout",
    "fallback taken: error, timeout",
  ]);
  // Data flowed out of fallback-2 only.
  await expect(editor.edge(page, "fallback-2", "answer").locator("path.sy-edge")).toHaveClass(
    /\bis-carried\b/,
  );
  for (const from of ["primary", "fallback-1", "default"])
    await expect(editor.edge(page, from, "answer").locator("path.sy-edge")).not.toHaveClass(
      /\bis-carried\b/,
    );

  await expect(editor.nodeText(page, "fallback-2")).toHaveText(FALLBACK_2_REPLY);
  await expect(editor.totals(page).locator(".sy-totals__outputs")).toHaveText(
    `answer: ${FALLBACK_2_REPLY}`,
  );
  inspector = await selectNode(page, "fallback-2");
  await expect(
    inspector.getByRole("region", { name: "Last run" }).locator(".sy-kv > div").first(),
  ).toHaveText("statusdone");

  // The run's page lists every attempt of the primary with its error and the back-off between them.
  await openRunDetails(page);
  await page
    .getByRole("navigation", { name: "Nodes of this run" })
    .getByRole("button", { name: /^primary / })
    .click();
  const attempts = page
    .getByRole("complementary", { name: "Node primary" })
    .getByRole("region", { name: "Attempts" });
  await expect(attempts.getByRole("listitem")).toHaveCount(3);
  for (const item of await attempts.getByRole("listitem").all())
    await expect(item).toContainText(/failed.*500 · server_error: sim:strong: simulated 500/s);
  await expect(attempts.getByText(/^retry after \d+ ms back-off$/)).toHaveCount(2);
  await expect(
    page
      .getByRole("application", { name: /Flow graph of this run/ })
      .getByRole("img", { name: "Edge from primary to fallback-1" })
      .locator("path.sy-edge"),
  ).toHaveClass(/\bis-taken\b/);
});
