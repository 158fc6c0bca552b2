import { readFile } from "node:fs/promises";
import { test, expect } from "../support/fixtures";
import {
  connect,
  dragFromPalette,
  editor,
  save,
  savedVersion,
  selectNode,
  selectNothing,
  waitForEditor,
} from "../support/editor";
import { newEmptyFlow } from "../support/flows";
import { screenshot } from "../support/run";
import { handBuiltFlow } from "../fixtures/flows";

const QUESTION = "What is the capital of Australia?";

test("a flow built from scratch with the mouse survives a save and a reload", async ({ page }) => {
  await newEmptyFlow(page);
  const firstVersion = await savedVersion(page);

  // Four nodes dragged from the palette onto the canvas (HTML5 drag and drop); each lands under the cursor.
  const drops = [
    ["Input", "input", { x: 60, y: 100 }],
    ["Model", "model", { x: 300, y: 100 }],
    ["Model", "model-2", { x: 300, y: 380 }],
    ["Output", "output", { x: 580, y: 380 }],
  ] as const;
  const canvasBox = (await editor.canvas(page).boundingBox())!;
  for (const [label, id, at] of drops) {
    await dragFromPalette(page, label, at);
    const box = (await editor.node(page, id).boundingBox())!;
    // Dropped by the header: the node's corner is 20 × 16 px up-left of the cursor (on an 8 px grid).
    expect(Math.abs(box.x - (canvasBox.x + at.x - 20))).toBeLessThanOrEqual(8);
    expect(Math.abs(box.y - (canvasBox.y + at.y - 16))).toBeLessThanOrEqual(8);
  }
  await expect(editor.canvas(page).getByRole("group", { name: / node / })).toHaveCount(4);

  // Wired by dragging from each source handle to the next node's target handle.
  await connect(page, { node: "input" }, { node: "model" });
  await connect(page, { node: "model" }, { node: "model-2" });
  await connect(page, { node: "model-2" }, { node: "output" });
  const wires = [
    ["input", "model"],
    ["model", "model-2"],
    ["model-2", "output"],
  ] as const;
  for (const [s, t] of wires) await expect(editor.edge(page, s, t)).toBeVisible();

  // The first model: picked from the model list, prompt typed with an input reference.
  let inspector = await selectNode(page, "model");
  await inspector.getByRole("combobox", { name: "Model (required)" }).selectOption("sim:fast");
  const prompt = inspector.getByRole("combobox", { name: "Prompt (required)" });
  await prompt.fill("");
  await prompt.pressSequentially("Answer in one word: {{input.question}}");
  await expect(prompt).toHaveValue("Answer in one word: {{input.question}}");

  // The second: another model, and a reference to the first one's text, completed from the suggestions.
  inspector = await selectNode(page, "model-2");
  await inspector.getByRole("combobox", { name: "Model (required)" }).selectOption("sim:strong");
  const prompt2 = inspector.getByRole("combobox", { name: "Prompt (required)" });
  await prompt2.fill("");
  await prompt2.pressSequentially("Check this answer: {{nodes.mo");
  await expect(
    inspector.getByRole("listbox", { name: "References" }).getByRole("option").first(),
  ).toHaveText(/\{\{nodes\.model\.text\}\}/);
  await prompt2.press("Enter");
  await prompt2.pressSequentially(" for {{input.question}}");
  await expect(prompt2).toHaveValue(
    "Check this answer: {{nodes.model.text}} for {{input.question}}",
  );
  await expect(editor.node(page, "model-2")).toContainText("sim:strong");

  // The flow itself: a name and the default of its input.
  inspector = await selectNothing(page);
  await inspector.getByRole("textbox", { name: "Name (required)" }).fill("Built by hand");
  await inspector.getByRole("textbox", { name: "Input question default" }).fill(QUESTION);
  await expect(inspector.getByText("The flow is valid.")).toBeVisible();

  await screenshot(page, "built-from-scratch.png");
  const saved = await save(page);
  expect(saved).toBe(firstVersion + 1);

  await page.reload();
  await waitForEditor(page);
  expect(await savedVersion(page)).toBe(saved);
  await expect(editor.toolbar(page)).toContainText("Built by hand");
  await expect(editor.canvas(page).getByRole("group", { name: / node / })).toHaveCount(4);
  await expect(editor.canvas(page).getByRole("group", { name: /^Edge from / })).toHaveCount(3);
  for (const [s, t] of wires) await expect(editor.edge(page, s, t)).toBeVisible();

  inspector = await selectNode(page, "model");
  await expect(inspector.getByRole("combobox", { name: "Model (required)" })).toHaveValue(
    "sim:fast",
  );
  await expect(inspector.getByRole("combobox", { name: "Prompt (required)" })).toHaveValue(
    "Answer in one word: {{input.question}}",
  );
  inspector = await selectNode(page, "model-2");
  await expect(inspector.getByRole("combobox", { name: "Model (required)" })).toHaveValue(
    "sim:strong",
  );
  await expect(inspector.getByRole("combobox", { name: "Prompt (required)" })).toHaveValue(
    "Check this answer: {{nodes.model.text}} for {{input.question}}",
  );
  inspector = await selectNothing(page);
  await expect(inspector.getByRole("textbox", { name: "Input question default" })).toHaveValue(
    QUESTION,
  );

  // The saved document is the flow the run tests import (fixtures/flows.ts), bar its sim pacing.
  const download = page.waitForEvent("download");
  await editor.toolbar(page).getByRole("button", { name: "Export JSON" }).click();
  const exported = JSON.parse(await readFile(await (await download).path(), "utf8")) as ReturnType<
    typeof handBuiltFlow
  >;
  const fixture = handBuiltFlow("Built by hand", { latencyMs: 0, tokensPerSecond: 0 });
  const shape = (doc: typeof exported) => ({
    name: doc.name,
    inputs: doc.inputs,
    nodes: doc.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      model: "model" in n.data ? n.data.model : undefined,
      prompt: "prompt" in n.data ? n.data.prompt : undefined,
    })),
    edges: doc.edges.map((e) => `${e.source}→${e.target}`),
  });
  expect(shape(exported)).toEqual(shape(fixture));

  // The layout came back too: the nodes keep their places relative to each other.
  const boxes = await Promise.all(
    ["input", "model", "model-2", "output"].map(
      async (id) => (await editor.node(page, id).boundingBox())!,
    ),
  );
  const [input, model, model2, output] = boxes as [DOMRect, DOMRect, DOMRect, DOMRect];
  expect(model.x).toBeGreaterThan(input.x);
  expect(Math.abs(model.y - input.y)).toBeLessThan(4);
  expect(Math.abs(model2.x - model.x)).toBeLessThan(4);
  expect(model2.y).toBeGreaterThan(model.y);
  expect(output.x).toBeGreaterThan(model2.x);
  expect(Math.abs(output.y - model2.y)).toBeLessThan(4);
});
