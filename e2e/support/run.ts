import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { editor } from "./editor";

/** Opens the Run tab from the toolbar's "Run…" button. */
export async function openRunPanel(page: Page): Promise<void> {
  await editor.toolbar(page).getByRole("button", { name: "Run…" }).click();
  await expect(page.getByRole("tab", { name: "Run" })).toHaveAttribute("aria-selected", "true");
}

/** Fills the run form (inputs by name, seed) and presses Run; resolves to the new run's id (from the URL). */
export async function startRun(
  page: Page,
  options: { seed?: number; inputs?: Record<string, string> } = {},
): Promise<string> {
  await openRunPanel(page);
  const panel = editor.runPanel(page);
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    await panel.getByRole("textbox", { name: new RegExp(`^${name}\\b`) }).fill(value);
  if (options.seed !== undefined)
    await panel.getByRole("textbox", { name: "Seed" }).fill(String(options.seed));
  const previous = new URL(page.url()).searchParams.get("run");
  await panel.getByRole("button", { name: "▶ Run", exact: true }).click();
  await page.waitForURL(
    (url) => url.searchParams.has("run") && url.searchParams.get("run") !== previous,
  );
  const runId = new URL(page.url()).searchParams.get("run");
  if (!runId) throw new Error("no run id in the URL");
  await expect(editor.totals(page)).toBeVisible();
  return runId;
}

/** Waits for the totals bar to say the run ended with `status`. */
export async function waitForRunEnd(
  page: Page,
  status: "completed" | "failed" | "cancelled" = "completed",
): Promise<void> {
  await expect(editor.totals(page).locator(".sy-pill")).toHaveText(`run ${status}`, {
    timeout: 30_000,
  });
}

/**
 * Records every status a canvas node shows, in order, with a MutationObserver: short-lived states
 * (a 200 ms retry) are caught even when no poll would land on them. Call before starting the run.
 */
export async function recordNodeStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    const scan = () => {
      document.querySelectorAll<HTMLElement>(".react-flow__node[data-id]").forEach((node) => {
        const id = node.dataset.id ?? "";
        const status = node.querySelector(".sy-run__badges .sy-pill")?.textContent ?? "";
        const list = (seen[id] ??= []);
        if (status && list.at(-1) !== status) list.push(status);
      });
    };
    new MutationObserver(scan).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    (window as unknown as { __nodeStates: Record<string, string[]> }).__nodeStates = seen;
  });
}

export async function nodeStates(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(
    () => (window as unknown as { __nodeStates: Record<string, string[]> }).__nodeStates,
  );
}

/** A screenshot under test-results/screens/ (kept after the run; the folder is gitignored). */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  const file = path.join(test.info().project.outputDir, "screens", name);
  await page.screenshot({ path: file, ...options });
  return file;
}

/** From the editor after a run ended: the Run tab's "Open run details" link; waits for the run page. */
export async function openRunDetails(page: Page): Promise<void> {
  await openRunPanel(page);
  const runId = new URL(page.url()).searchParams.get("run");
  await editor.currentRun(page).getByRole("link", { name: "Open run details" }).click();
  await page.waitForURL(`**/runs/${runId}`);
  await expect(page.getByRole("navigation", { name: "Nodes of this run" })).toBeVisible();
}
