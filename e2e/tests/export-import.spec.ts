import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { test, expect } from "../support/fixtures";
import { editor } from "../support/editor";
import { importFlowFile, newFromTemplate } from "../support/flows";

interface Exported {
  format: string;
  name: string;
  inputs: unknown;
  nodes: { id: string; type: string; data?: unknown }[];
  edges: { id?: string; source: string; target: string; sourceHandle?: string; kind?: string }[];
}

/** "Export JSON" in the toolbar; the downloaded file's name and parsed content. */
async function exportFlow(page: Page): Promise<{ file: string; name: string; document: Exported }> {
  const download = page.waitForEvent("download");
  await editor.toolbar(page).getByRole("button", { name: "Export JSON" }).click();
  const file = await download;
  const saved = await file.path();
  return {
    file: saved,
    name: file.suggestedFilename(),
    document: JSON.parse(await readFile(saved, "utf8")) as Exported,
  };
}

async function canvasGraph(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
  const names = async (pattern: RegExp) =>
    (
      await editor
        .canvas(page)
        .getByRole("group", { name: pattern })
        .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""))
    ).sort();
  return { nodes: await names(/ node /), edges: await names(/^Edge from /) };
}

test("a flow exported to a file and imported from the flow list comes back with the same nodes and edges", async ({
  page,
}) => {
  // Routing: named router ports (sourceHandle) are the part of an edge most easily lost on the way.
  const originalId = await newFromTemplate(page, "Specialist routing");
  const original = await canvasGraph(page);
  expect(original.nodes).toHaveLength(7);
  expect(original.edges).toHaveLength(9);

  const exported = await exportFlow(page);
  expect(exported.name).toBe("specialist-routing.json");
  expect(exported.document.format).toBe("switchyard.flow/v1");
  expect(exported.document.nodes.map((n) => n.id).sort()).toEqual([
    "answer",
    "coder",
    "generalist",
    "mathematician",
    "quick",
    "request",
    "router",
  ]);
  expect(
    exported.document.edges
      .filter((e) => e.source === "router")
      .map((e) => e.sourceHandle)
      .sort(),
  ).toEqual(["code", "fast", "general", "math"]);

  const copyId = await importFlowFile(page, exported.file);
  expect(copyId).not.toBe(originalId);
  await expect(editor.toolbar(page)).toContainText("Specialist routing");
  expect(await canvasGraph(page)).toEqual(original);
  // Each router port still leads where it did: the edge starts at that port's handle (polled: the
  // view may still be animating its fit when we first look).
  for (const [port, target] of [
    ["code", "coder"],
    ["math", "mathematician"],
    ["fast", "quick"],
    ["general", "generalist"],
  ] as const) {
    const offset = async () => {
      const start = await editor
        .edge(page, "router", target)
        .locator("path.sy-edge")
        .evaluate((path: SVGPathElement) => {
          const point = path.getPointAtLength(0);
          const m = path.getScreenCTM();
          return m
            ? { x: point.x * m.a + point.y * m.c + m.e, y: point.x * m.b + point.y * m.d + m.f }
            : undefined;
        });
      const handle = await editor.handle(page, "router", port).boundingBox();
      return start && handle ? Math.abs(start.y - (handle.y + handle.height / 2)) : Infinity;
    };
    await expect
      .poll(offset, { message: `edge router→${target} leaves from the ${port} port` })
      .toBeLessThan(2);
  }

  // Exporting the copy gives the same document, node for node and edge for edge.
  const again = await exportFlow(page);
  expect(again.document.nodes).toEqual(exported.document.nodes);
  expect(again.document.edges).toEqual(exported.document.edges);
  expect(again.document.inputs).toEqual(exported.document.inputs);

  // Both flows are listed.
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Specialist routing", exact: true })).toHaveCount(2);
});
