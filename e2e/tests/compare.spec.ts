import { test, expect } from "../support/fixtures";
import { editor } from "../support/editor";
import { newFromTemplate } from "../support/flows";
import { screenshot, startRun, waitForRunEnd } from "../support/run";

// Checked with `pnpm -s switchyard run examples/cascade.json --seed N --json`: the cheap model is
// confident with seed 3 (the gate passes) and unsure with seed 1 (the gate escalates to the strong model).
const PASSES = 3;
const ESCALATES = 1;

test("two cascade runs, one passed and one escalated, compared node by node with cost and latency deltas", async ({
  page,
}) => {
  await newFromTemplate(page, "Cascade with fallback");
  const passed = await startRun(page, { seed: PASSES });
  await waitForRunEnd(page, "completed");
  await expect(editor.node(page, "gate").locator(".sy-port--pass")).toHaveClass(/is-active/);
  await expect(editor.nodeStatus(page, "strong")).toHaveText("skipped");

  const escalated = await startRun(page, { seed: ESCALATES });
  await waitForRunEnd(page, "completed");
  await expect(editor.node(page, "gate").locator(".sy-port--escalate")).toHaveClass(/is-active/);
  await expect(editor.nodeStatus(page, "strong")).toHaveText("done");

  // The history lists both; pick them and compare.
  await editor.toolbar(page).getByRole("link", { name: "Run history" }).click();
  await expect(page.getByRole("heading", { name: /^Runs/, level: 1 })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(3); // header + two runs
  const compare = page.getByRole("button", { name: "Compare", exact: true });
  await expect(compare).toBeDisabled();
  for (const id of [passed, escalated])
    await page.getByRole("checkbox", { name: `Select run ${id.slice(-8)} to compare` }).check();
  await expect(page.getByText("2 of 2 selected")).toBeVisible();
  await compare.click();
  await page.waitForURL(/\/compare\?a=.*&b=/);
  const url = new URL(page.url());
  expect(url.searchParams.get("a")).toBe(passed); // the older run is A
  expect(url.searchParams.get("b")).toBe(escalated);

  await expect(page.getByRole("heading", { name: "Compare runs" })).toBeVisible();
  const totals = page.getByRole("table", { name: "Run totals, A and B, with B minus A" });
  await expect(totals.getByRole("columnheader").nth(1)).toContainText(`seed ${PASSES}`);
  await expect(totals.getByRole("columnheader").nth(2)).toContainText(`seed ${ESCALATES}`);
  // Escalating paid for the strong model and waited for it: both deltas are up (more in B).
  await expect(totals.getByRole("row", { name: /^cost/ }).locator(".sy-runs-delta")).toHaveClass(
    /sy-runs-delta--up/,
  );
  await expect(totals.getByRole("row", { name: /^cost/ }).locator(".sy-runs-delta")).toHaveText(
    /^\+\$[\d.]+.*more in B/,
  );
  await expect(totals.getByRole("row", { name: /^latency/ }).locator(".sy-runs-delta")).toHaveClass(
    /sy-runs-delta--up/,
  );
  await expect(totals.getByRole("row", { name: /^latency/ }).locator(".sy-runs-delta")).toHaveText(
    /^\+\d.*(ms|s).*more in B/,
  );

  await expect(page.getByRole("heading", { name: /^\d+ of 7 nodes differ$/ })).toBeVisible();
  // Per node: the cheap model's answer diffed, the gate's decision, the strong model only in B.
  const fast = page.getByRole("article", { name: "fast" });
  await expect(fast.getByRole("list", { name: "Differences" })).toBeVisible();
  await expect(fast.getByLabel("Output of fast in run A")).toContainText(
    "Canberra. Confidence: 92%",
  );
  await expect(fast.getByLabel("Output of fast in run B")).toContainText("Sydney? Confidence: 40%");
  await expect(fast.getByRole("row", { name: /^output/ }).locator(".sy-runs-delta")).toHaveText(
    "changed",
  );
  await expect(fast.getByRole("row", { name: /^latency/ }).locator(".sy-runs-delta")).toHaveText(
    /^([+−-]\d|±?0)/,
  );
  await expect(fast.getByRole("row", { name: /^cost/ }).locator(".sy-runs-delta")).toBeVisible();
  await expect(fast.getByLabel("Output of fast in run A").locator("del")).toContainText([
    "Canberra.",
  ]);
  await expect(fast.getByLabel("Output of fast in run B").locator("ins")).toContainText([
    "Sydney?",
  ]);
  const gate = page.getByRole("article", { name: "gate" });
  await expect(gate.getByRole("row", { name: /^status/ })).toContainText(/pass.*escalate/);
  const strong = page.getByRole("article", { name: "strong" });
  await expect(strong.getByRole("row", { name: /^status/ })).toContainText(/skipped.*done/);
  await expect(strong.getByRole("row", { name: /^cost/ }).locator(".sy-runs-delta")).toHaveClass(
    /sy-runs-delta--up/,
  );
  await expect(page.getByRole("article", { name: "in" })).toContainText("same in both");

  // "Only nodes that differ" hides the input node, which behaved the same.
  await screenshot(page, "compare.png");
  await page.getByRole("checkbox", { name: "Show only nodes that differ" }).check();
  await expect(page.getByRole("article", { name: "in" })).toHaveCount(0);
  await expect(page.getByRole("article", { name: "fast" })).toBeVisible();
});
