import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { nodeCatalog } from "@switchyard/core";
import { GenericNode } from "./nodes/GenericNode";
import { GateNode } from "./nodes/GateNode";
import { RouterNode } from "./nodes/RouterNode";
import { VoteNode } from "./nodes/VoteNode";
import { UnknownNode } from "./nodes/UnknownNode";
import { DataEdge } from "./edges/DataEdge";
import { FallbackEdge } from "./edges/FallbackEdge";

/** Node types that need more than the generic body; every other catalog type renders generically. */
const SPECIAL_NODES: NodeTypes = { gate: GateNode, router: RouterNode, vote: VoteNode };

/** Module scope on purpose: a new object per render makes React Flow re-mount every node. */
export const nodeTypes: NodeTypes = {
  ...Object.fromEntries(nodeCatalog().map((entry) => [entry.type, SPECIAL_NODES[entry.type] ?? GenericNode])),
  default: UnknownNode,
};

export const edgeTypes: EdgeTypes = { data: DataEdge, fallback: FallbackEdge };
