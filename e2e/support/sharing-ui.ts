import { expect, type Locator, type Page } from "@playwright/test";

/** Opens the editor's share dialog and returns it. */
export async function openShareDialog(page: Page, flowName: string): Promise<Locator> {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Share “${flowName}”` });
  await expect(dialog.getByRole("heading", { name: "Share with a person" })).toBeVisible();
  return dialog;
}

/** A node on the editor's canvas by its id. */
export function canvasNode(page: Page, nodeId: string): Locator {
  return page.locator(`.react-flow__node[data-id="${nodeId}"]`);
}

/** The text a model node has streamed so far, as the canvas shows it. */
export function streamedText(page: Page, nodeId: string): Locator {
  return canvasNode(page, nodeId).locator(".sy-run__text");
}

/** The run id the editor follows (the `run` search parameter). */
export function followedRun(page: Page): string | null {
  return new URL(page.url()).searchParams.get("run");
}

/** The last 8 characters of an id: how run lists show runs. */
export const shortId = (id: string) => id.slice(-8);
