import type { z } from "zod";
import type { TokenUsage } from "../model/model-gateway";
import type { SimOptions } from "../model/sim-options";
import type { MemoryStore } from "../memory/memory-store";
import type { ValidationProblem } from "../validation/problems";
import type { RetryPolicy } from "../engine/retry";
import type { UserPatterns } from "../util/user-pattern";

/** The value a node hands downstream plus its named fields, as templates see them. */
export interface NodeOutput {
  /** The node's main value (a model's text, a vote's answer, a constant's value…). */
  value: unknown;
  /** Extra fields visible as `{{nodes.<id>.<field>}}`. */
  fields?: Record<string, unknown>;
  /** For gates and routers: the output port the value leaves on. */
  port?: string;
  confidence?: number;
}

/** An upstream value arriving over an active data edge. */
export interface NodeInput {
  sourceId: string;
  value: unknown;
  output: Readonly<Record<string, unknown>>;
}

/** An upstream node that failed; only votes look at these (to report and count them). */
export interface FailedInput {
  sourceId: string;
  message: string;
}

export interface ModelCallOptions {
  model: string;
  system?: string;
  prompt: string;
  temperature?: number;
  maxTokens?: number;
  logprobs?: boolean;
  sim?: SimOptions;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Stream deltas to the node's `node.delta` events (the node's main call does). */
  stream?: boolean;
}

export interface ModelCallResult {
  text: string;
  usage: TokenUsage;
  model: string;
  simulated: boolean;
  tokenLogprobs?: number[];
}

/** What a node's `execute` gets from the engine: its inputs and the host's capabilities. */
export interface NodeContext<Data> {
  readonly nodeId: string;
  readonly data: Data;
  readonly inputs: readonly NodeInput[];
  readonly failedInputs: readonly FailedInput[];
  readonly signal: AbortSignal;
  readonly seed: number;
  readonly depth: number;
  /** The flow's regular expressions, compiled once for RE2 (see user-pattern.ts). */
  readonly patterns: UserPatterns;
  render(template: string): string;
  /** A run input's value by name. */
  input(name: string): unknown;
  /** An LLM call with the engine's retries, timeout, budget, cost and events. */
  callModel(options: ModelCallOptions): Promise<ModelCallResult>;
  embed(model: string, texts: string[]): Promise<number[][]>;
  memory: MemoryStore;
  runSubflow(ref: string, inputs: Record<string, unknown>): Promise<SubflowResult>;
}

export interface SubflowResult {
  outputs: Record<string, unknown>;
  usage: TokenUsage;
  costUsd: number;
}

/** Read-only view of the flow that node validators use. */
export interface FlowView {
  outgoing(nodeId: string): readonly { sourceHandle?: string; target: string; kind: "data" | "fallback"; id: string }[];
  incoming(nodeId: string): readonly { source: string; sourceHandle?: string; kind: "data" | "fallback"; id: string }[];
  nodeType(nodeId: string): string | undefined;
  nodeData(nodeId: string): Record<string, unknown> | undefined;
  /** Compiles patterns exactly as execution will (and caches them for it). */
  readonly patterns: UserPatterns;
}

/** How many data inputs a node takes. */
export type InputArity = "none" | "one" | "many";

/**
 * A node type: schema, ports, defaults and behaviour in one object (one file per type).
 * `data` is the zod schema of the node's `data`; defaults live in it.
 */
export interface NodeDefinition<Schema extends z.ZodType = z.ZodType> {
  type: string;
  label: string;
  description: string;
  category: "io" | "model" | "control" | "transform" | "memory";
  data: Schema;
  /** The data a node gets when dropped from the palette. */
  defaults: z.input<Schema>;
  inputs: InputArity;
  /** Output port names; a single unnamed port when absent. */
  outputPorts?(data: z.output<Schema>): string[];
  /** Fields a template may reference as `nodes.<id>.<field>`. */
  fields: readonly string[];
  /** The template strings in `data`, checked for references and used as dependencies. */
  templates?(data: z.output<Schema>): string[];
  /** Model ids in `data`, checked against the host's models. */
  models?(data: z.output<Schema>): string[];
  /** Whether it can fail at run time (and so be the source of a fallback edge). */
  canFail: boolean;
  /** Structural checks beyond the schema (ports wired, routes covered…). */
  validate?(nodeId: string, data: z.output<Schema>, flow: FlowView): ValidationProblem[];
  execute(ctx: NodeContext<z.output<Schema>>): NodeOutput | Promise<NodeOutput>;
  /** Runs once after a successful run (memory nodes save the exchange). */
  afterRun?(ctx: AfterRunContext<z.output<Schema>>): Promise<void>;
}

export interface AfterRunContext<Data> {
  nodeId: string;
  data: Data;
  outputs: Record<string, unknown>;
  render(template: string): string;
  memory: MemoryStore;
}

/** Keeps each definition's data type while checking it against `NodeDefinition`. */
export function defineNode<Schema extends z.ZodType>(definition: NodeDefinition<Schema>): NodeDefinition<Schema> {
  return definition;
}
