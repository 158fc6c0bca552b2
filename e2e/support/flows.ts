import { expect, type Page } from "@playwright/test";
import { waitForEditor } from "./editor";

/** On the flow list: "New flow", and waits for the empty editor. Returns the flow id. */
export async function newEmptyFlow(page: Page): Promise<string> {
  await page.goto("/");
  await page
    .getByRole("group", { name: "New flow" })
    .getByRole("button", { name: "New flow" })
    .click();
  await page.waitForURL(/\/flows\/[^/?]+$/);
  await waitForEditor(page);
  return flowIdOf(page);
}

/** On the flow list: "New from template", picks the template by its name, waits for the editor. */
export async function newFromTemplate(page: Page, name: string): Promise<string> {
  await page.goto("/");
  await page.getByRole("button", { name: "New from template" }).click();
  const dialog = page.getByRole("dialog", { name: "New flow from a template" });
  await dialog.getByRole("button", { name: new RegExp(`^${name}`) }).click();
  await page.waitForURL(/\/flows\/[^/?]+$/);
  await waitForEditor(page);
  return flowIdOf(page);
}

/** On the flow list: "Import JSON" with a flow file (a path, or a name and its text), waits for the editor. */
export async function importFlowFile(
  page: Page,
  file: string | { name: string; text: string },
): Promise<string> {
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Import JSON" })).toBeEnabled();
  const files =
    typeof file === "string"
      ? file
      : { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) };
  await page.getByLabel("Flow file to import", { exact: true }).setInputFiles(files);
  await page.waitForURL(/\/flows\/[^/?]+$/);
  await waitForEditor(page);
  return flowIdOf(page);
}

export function flowIdOf(page: Page): string {
  const id = /\/flows\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a flow page: ${page.url()}`);
  return id;
}
