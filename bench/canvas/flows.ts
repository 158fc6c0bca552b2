import { FLOW_FORMAT } from "@switchyard/core";

/**
 * The benchmark's flows. Both come with positions, so the editor opens them as laid out here
 * (no ELK layout in the measurement).
 */

const COLUMN = 300;

/**
 * A wide layered DAG of `layers × width` model nodes between one input and one output (200 nodes
 * for 9 × 22): each model reads from two nodes of the layer before it.
 */
export function layeredDag(layers = 9, width = 22) {
  const nodes: unknown[] = [
    { id: "in", type: "input", position: { x: 0, y: (width * 120) / 2 }, data: { name: "q" } },
  ];
  const edges: { source: string; target: string }[] = [];
  const id = (layer: number, row: number) => `m-${layer}-${row}`;
  for (let layer = 0; layer < layers; layer++) {
    for (let row = 0; row < width; row++) {
      const prompt = layer === 0 ? "{{input.q}}" : `{{nodes.${id(layer - 1, row)}.text}}`;
      nodes.push({
        id: id(layer, row),
        type: "model",
        position: { x: (layer + 1) * COLUMN, y: row * 120 },
        data: { model: "sim:fast", prompt },
      });
      if (layer === 0) edges.push({ source: "in", target: id(0, row) });
      else
        for (const from of new Set([row, (row + 1) % width]))
          edges.push({ source: id(layer - 1, from), target: id(layer, row) });
    }
  }
  nodes.push({
    id: "out",
    type: "output",
    position: { x: (layers + 1) * COLUMN, y: (width * 120) / 2 },
    data: { name: "answer" },
  });
  for (let row = 0; row < width; row++) edges.push({ source: id(layers - 1, row), target: "out" });
  return {
    format: FLOW_FORMAT,
    name: `Canvas bench: ${nodes.length}-node DAG`,
    inputs: [{ name: "q", type: "string", default: "go" }],
    nodes,
    edges,
  };
}

const WORDS =
  "the quick brown fox jumps over a lazy dog while streaming tokens arrive one by one across fifty parallel branches of a simulated ensemble".split(
    " ",
  );

/** About `count` words of filler, different per variant. */
function reply(variant: number, count = 80): string {
  return Array.from(
    { length: count },
    (_, i) => WORDS[(i * (variant + 3) + variant) % WORDS.length],
  ).join(" ");
}

/**
 * One input fanned out to `branches` sim models that stream slowly (~80 words each), into a
 * majority vote and an output: a burst of concurrent `node.delta` events.
 */
export function fanOut(branches = 50, pace = { latencyMs: 200, tokensPerSecond: 30 }) {
  const perColumn = 10;
  const columns = Math.ceil(branches / perColumn);
  const nodes: unknown[] = [
    { id: "in", type: "input", position: { x: 0, y: (perColumn * 220) / 2 }, data: { name: "q" } },
  ];
  const edges: { source: string; target: string }[] = [];
  for (let i = 0; i < branches; i++) {
    const id = `branch-${i + 1}`;
    nodes.push({
      id,
      type: "model",
      position: { x: COLUMN + Math.floor(i / perColumn) * 260, y: (i % perColumn) * 220 },
      data: {
        model: "sim:fast",
        prompt: "{{input.q}}",
        sim: { reply: [reply(0), reply(1), reply(2)], ...pace },
      },
    });
    edges.push({ source: "in", target: id }, { source: id, target: "vote" });
  }
  const end = COLUMN + columns * 260 + 40;
  nodes.push({
    id: "vote",
    type: "vote",
    position: { x: end, y: (perColumn * 220) / 2 },
    data: { strategy: "majority", extract: { kind: "normalized" } },
  });
  nodes.push({
    id: "out",
    type: "output",
    position: { x: end + 300, y: (perColumn * 220) / 2 },
    data: { name: "answer" },
  });
  edges.push({ source: "vote", target: "out" });
  return {
    format: FLOW_FORMAT,
    name: `Canvas bench: ${branches}-branch fan-out`,
    inputs: [{ name: "q", type: "string", default: "go" }],
    nodes,
    edges,
  };
}
