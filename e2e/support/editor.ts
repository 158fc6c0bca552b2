import { expect, type Locator, type Page } from "@playwright/test";

/** The editor's parts, by role and label. */
export const editor = {
  toolbar: (page: Page) => page.getByRole("toolbar", { name: "Flow" }),
  canvas: (page: Page) => page.getByRole("application", { name: "Flow canvas" }),
  palette: (page: Page) => page.getByRole("navigation", { name: "Node palette" }),
  inspector: (page: Page) => page.getByRole("group", { name: "Inspector" }),
  saveStatus: (page: Page) => editor.toolbar(page).getByRole("status"),
  totals: (page: Page) => page.getByRole("region", { name: "Run totals" }),
  runPanel: (page: Page) => page.getByRole("tabpanel", { name: "Run" }),
  currentRun: (page: Page) => page.getByRole("region", { name: "Current run" }),
  /** A canvas node by id (named "<Type> node <id>"). */
  node: (page: Page, id: string) =>
    editor.canvas(page).getByRole("group", { name: new RegExp(` node ${escape(id)}$`) }),
  /** The data or fallback edge from one node to another. */
  edge: (page: Page, source: string, target: string) =>
    editor
      .canvas(page)
      .getByRole("group", { name: `Edge from ${source} to ${target}`, exact: true }),
  /** A handle of a node: `in`, `out`, `fallback`, or a port name (`pass`, `escalate`, a route). */
  handle: (page: Page, nodeId: string, handleId: string) =>
    editor.node(page, nodeId).locator(`.react-flow__handle[data-handleid="${handleId}"]`),
  /** The live run status pill of a node ("running", "done", "retrying 2/3"…). */
  nodeStatus: (page: Page, id: string) => editor.node(page, id).locator(".sy-run__badges .sy-pill"),
  nodeText: (page: Page, id: string) => editor.node(page, id).locator(".sy-run__text"),
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Waits until the editor has opened a flow (the canvas is there and laid out). */
export async function waitForEditor(page: Page): Promise<void> {
  await expect(editor.toolbar(page)).toBeVisible();
  await expect(editor.canvas(page)).toBeVisible();
  await expect(page.locator(".sy-canvas.is-laying-out")).toHaveCount(0);
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error("element has no box");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags a palette entry onto the canvas with the mouse (the palette's HTML5 drag and drop), dropping
 * it at `at`, relative to the canvas' top-left corner.
 */
export async function dragFromPalette(
  page: Page,
  label: string,
  at: { x: number; y: number },
): Promise<void> {
  const item = editor.palette(page).getByRole("button", { name: `Add ${label} node` });
  await item.dragTo(editor.canvas(page), { targetPosition: at });
}

/** Connects two handles with a real mouse drag, from the source handle to the target handle. */
export async function connect(
  page: Page,
  from: { node: string; handle?: string },
  to: { node: string; handle?: string },
): Promise<void> {
  const a = await center(editor.handle(page, from.node, from.handle ?? "out"));
  const b = await center(editor.handle(page, to.node, to.handle ?? "in"));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

/** Selects a node by clicking its header, which brings the inspector forward. */
export async function selectNode(page: Page, id: string): Promise<Locator> {
  await editor.node(page, id).locator(".sy-node__header").click();
  const inspector = editor.inspector(page);
  await expect(inspector.getByRole("textbox", { name: "Id", exact: true })).toHaveValue(id);
  return inspector;
}

/** Clicks an empty part of the canvas: nothing selected, the inspector shows the flow's settings. */
export async function selectNothing(page: Page): Promise<Locator> {
  await editor.toolbar(page).locator(".sy-toolbar__flow").click();
  const inspector = editor.inspector(page);
  await expect(inspector.getByRole("heading", { name: "Flow settings" })).toBeVisible();
  return inspector;
}

/** Saves with the toolbar button and waits for "Saved · v<n>"; returns n. */
export async function save(page: Page): Promise<number> {
  await editor.toolbar(page).getByRole("button", { name: "Save", exact: true }).click();
  await expect(editor.saveStatus(page)).toHaveText(/^Saved · v\d+$/);
  return Number((await editor.saveStatus(page).textContent())?.replace(/\D+/g, ""));
}

export async function savedVersion(page: Page): Promise<number> {
  await expect(editor.saveStatus(page)).toHaveText(/^Saved · v\d+$/);
  return Number((await editor.saveStatus(page).textContent())?.replace(/\D+/g, ""));
}
