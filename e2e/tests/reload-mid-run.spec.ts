import { test, expect } from "../support/fixtures";
import { editor, waitForEditor } from "../support/editor";
import { importFlowFile } from "../support/flows";
import { nodeStates, recordNodeStates, startRun, waitForRunEnd } from "../support/run";
import { ANSWER_1, ANSWER_2, handBuiltFlow } from "../fixtures/flows";

test("reloading mid-run picks the run up where it was and finishes it with consistent totals", async ({
  page,
}) => {
  // model-2 streams its ~20 words over ~6 s: time enough to reload in the middle of it.
  const flow = handBuiltFlow(
    "Reload mid-run",
    { latencyMs: 300, tokensPerSecond: 20 },
    { latencyMs: 300, tokensPerSecond: 3 },
  );
  await importFlowFile(page, { name: "reload.json", text: JSON.stringify(flow) });
  const runId = await startRun(page);

  // Mid-run: the first model done, the second streaming.
  await expect(editor.nodeStatus(page, "model")).toHaveText("done");
  await expect(editor.nodeStatus(page, "model-2")).toHaveText("running");
  await expect(editor.nodeText(page, "model-2")).toHaveText(/^\S+ \S+ \S+/);
  const before = ((await editor.nodeText(page, "model-2").textContent()) ?? "").trim();
  const firstBadges = await editor.node(page, "model").locator(".sy-run__badges").textContent();
  expect(before.length).toBeLessThan(ANSWER_2.length);

  await page.reload();
  await waitForEditor(page);
  await recordNodeStates(page);
  expect(new URL(page.url()).searchParams.get("run")).toBe(runId);
  await expect(page.getByRole("tab", { name: /^Run/ })).toHaveAttribute("aria-selected", "true");

  // The finished node comes back as it was; the streaming one keeps what it had and goes on.
  await expect(editor.nodeStatus(page, "model")).toHaveText("done");
  await expect(editor.node(page, "model").locator(".sy-run__badges")).toHaveText(firstBadges ?? "");
  await expect(editor.nodeText(page, "model")).toHaveText(ANSWER_1);
  await expect(editor.nodeText(page, "model-2")).toHaveText(new RegExp(`^${escape(before)}`));
  await expect(editor.nodeStatus(page, "model-2")).toHaveText("running");
  await waitForRunEnd(page, "completed");
  expect((await nodeStates(page))["model-2"]).toEqual(["running", "done"]);

  // Nothing was applied twice: the text is the reply once, and the totals add up.
  await expect(editor.nodeText(page, "model-2")).toHaveText(ANSWER_2);
  const totals = editor.totals(page);
  await expect(totals.getByTitle("Nodes finished")).toHaveText("4/4 nodes");
  let nodeTokens = 0;
  for (const id of ["model", "model-2"])
    nodeTokens += Number(
      (await editor.node(page, id).locator(".sy-metric").first().textContent())?.replace(/\D/g, ""),
    );
  const [inTokens, outTokens] = ((await totals.getByTitle("Tokens").textContent()) ?? "")
    .match(/\d+/g)!
    .map(Number) as [number, number];
  expect(inTokens + outTokens).toBe(nodeTokens);
  const cost = await totals.getByTitle("Cost").textContent();
  await expect(totals.locator(".sy-totals__outputs")).toHaveText(`answer: ${ANSWER_2}`);

  // …and they are the totals the server recorded for the run.
  await editor.currentRun(page).getByRole("link", { name: "Open run details" }).click();
  await page.waitForURL(`**/runs/${runId}`);
  const header = page.locator(".sy-rd__totals");
  await expect(header).toContainText(`cost${cost}`);
  await expect(header).toContainText(`tokens in / out${inTokens} / ${outTokens}`);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
