import { test, expect } from "../support/fixtures";
import { editor } from "../support/editor";
import { importFlowFile, newFromTemplate } from "../support/flows";
import { nodeStates, recordNodeStates, screenshot, startRun, waitForRunEnd } from "../support/run";
import { ANSWER_1, ANSWER_2, handBuiltFlow } from "../fixtures/flows";

const METRICS = { tokens: /^\d+ tok$/, cost: /^\$\d/, time: /^\d+(\.\d+)? (ms|s)$/ };

test("the hand-built flow runs live on the canvas: states, streamed text, badges, totals and outputs", async ({
  page,
}) => {
  const flow = handBuiltFlow("Run live", { latencyMs: 1500, tokensPerSecond: 10 });
  await importFlowFile(page, { name: "run-live.json", text: JSON.stringify(flow) });
  await recordNodeStates(page);
  const runId = await startRun(page);

  // The first model is working before any text arrives (1.5 s to the first token)…
  await expect(editor.nodeStatus(page, "model")).toHaveText("running");
  await expect(editor.totals(page).locator(".sy-pill")).toHaveText("running");
  // …then its reply streams in word by word.
  await expect(editor.nodeText(page, "model")).toHaveText(/\S/);
  const partial = (await editor.nodeText(page, "model").textContent()) ?? "";
  expect(ANSWER_1.startsWith(partial.trim())).toBe(true);
  expect(partial.length).toBeLessThan(ANSWER_1.length);

  // The second model starts from the first one's text and streams too: the picture mid-run.
  await expect(editor.nodeStatus(page, "model")).toHaveText("done");
  await expect(editor.nodeStatus(page, "model-2")).toHaveText("running");
  await expect(editor.nodeText(page, "model-2")).toHaveText(/\w+ \w+/);
  await screenshot(page, "editor-mid-run.png");

  await waitForRunEnd(page, "completed");
  const states = await nodeStates(page);
  // (A node that starts in the run's first frame is never seen queued.)
  for (const id of ["model", "model-2"])
    expect(
      states[id]?.filter((s) => s !== "queued"),
      `states of ${id}`,
    ).toEqual(["running", "done"]);
  expect(states["model-2"]?.[0], "model-2 waits for model").toBe("queued");
  expect(states.output?.at(-1)).toBe("done");

  // Each model node: its final text, and tokens, cost, time and the SIM tag.
  let tokens = 0;
  for (const [id, text] of [
    ["model", ANSWER_1],
    ["model-2", ANSWER_2],
  ] as const) {
    const node = editor.node(page, id);
    await expect(editor.nodeText(page, id)).toHaveText(text);
    const metrics = node.locator(".sy-run__badges .sy-metric");
    await expect(metrics).toHaveCount(3);
    await expect(metrics.nth(0)).toHaveText(METRICS.tokens);
    await expect(metrics.nth(1)).toHaveText(METRICS.cost);
    await expect(metrics.nth(2)).toHaveText(METRICS.time);
    await expect(node.locator(".sy-run__badges").getByText("SIM", { exact: true })).toBeVisible();
    tokens += Number((await metrics.nth(0).textContent())?.replace(/\D/g, ""));
  }

  // The totals bar adds the nodes up, and shows the output.
  const totals = editor.totals(page);
  await expect(totals.getByTitle("Nodes finished")).toHaveText("4/4 nodes");
  const [inTokens, outTokens] = ((await totals.getByTitle("Tokens").textContent()) ?? "")
    .match(/\d+/g)!
    .map(Number) as [number, number];
  expect(inTokens + outTokens).toBe(tokens);
  await expect(totals.getByTitle("Cost")).toHaveText(METRICS.cost);
  await expect(totals.locator(".sy-totals__outputs")).toHaveText(`answer: ${ANSWER_2}`);
  const outputs = editor.currentRun(page);
  await expect(outputs.locator(".sy-pill")).toHaveText("completed");
  await expect(outputs.locator(".sy-run-outputs__item")).toHaveText(`answer${ANSWER_2}`);

  // The run's own page tells the same story: status, totals, every node done, the output.
  const cost = await totals.getByTitle("Cost").textContent();
  await outputs.getByRole("link", { name: "Open run details" }).click();
  await page.waitForURL(`**/runs/${runId}`);
  const header = page.locator(".sy-rd__header");
  await expect(header.getByRole("heading", { level: 1 })).toContainText("Run live");
  await expect(header.locator(".sy-rd__totals")).toContainText(`cost${cost}`);
  await expect(header.locator(".sy-rd__totals")).toContainText(
    `tokens in / out${inTokens} / ${outTokens}`,
  );
  const list = page.getByRole("navigation", { name: "Nodes of this run" });
  for (const id of ["input", "model", "model-2", "output"])
    await expect(list.getByRole("button", { name: new RegExp(`^${id} `) })).toContainText("done");
  await expect(page.getByRole("region", { name: "Inputs and outputs" })).toContainText(ANSWER_2);
  await expect(
    page
      .getByRole("application", { name: /Flow graph of this run/ })
      .getByRole("group", { name: "Model node model-2" }),
  ).toContainText("done");
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await screenshot(page, "run-detail.png");
  const timeline = page.getByRole("region", { name: "Timeline" }).last();
  await expect(timeline.getByText("model-2", { exact: true }).first()).toBeVisible();
  await timeline.scrollIntoViewIfNeeded();
  await screenshot(page, "run-detail-timeline.png");
});

test("the ensemble-vote template runs its branches live and shows the vote", async ({ page }) => {
  await newFromTemplate(page, "Ensemble vote");
  await recordNodeStates(page);
  await startRun(page, { seed: 1 });
  await waitForRunEnd(page, "completed");

  const states = await nodeStates(page);
  for (const id of ["model-a", "model-b", "model-c"])
    expect(
      states[id]?.filter((s) => s !== "queued"),
      `states of ${id}`,
    ).toEqual(["running", "done"]);
  for (const id of ["model-a", "model-b", "model-c"]) {
    const badges = editor.node(page, id).locator(".sy-run__badges");
    await expect(badges.locator(".sy-metric")).toHaveText([
      METRICS.tokens,
      METRICS.cost,
      METRICS.time,
    ]);
    await expect(badges.getByText("SIM", { exact: true })).toBeVisible();
  }

  // The vote's table: one row per branch, the winner marked, and the agreement.
  const table = editor.node(page, "vote").getByRole("table", { name: "agreement 67% · answer C" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row", { name: /^model-a/ })).toHaveClass(/is-winner/);
  await expect(table.getByRole("row", { name: /^model-c/ })).toHaveClass(/is-winner/);
  await expect(table.getByRole("row", { name: /^model-b/ })).not.toHaveClass(/is-winner/);

  const totals = editor.totals(page);
  await expect(totals.getByTitle("Nodes finished")).toHaveText("8/8 nodes");
  await expect(totals.getByTitle("Cost")).toHaveText(METRICS.cost);
  const outputs = editor.currentRun(page).locator(".sy-run-outputs__item");
  await expect(outputs).toHaveText(["answerC", /^agreement0\.66+7?$/]);
});
