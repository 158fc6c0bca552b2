import type { ServerResponse } from "node:http";
import {
  delay,
  sendEvent,
  startScriptedServer,
  startSse,
  type RecordedRequest,
  type ScriptedServer,
} from "./scripted-server";

/** A normal Messages API answer. */
export interface AnthropicReply {
  kind: "reply";
  chunks: string[];
  model?: string;
  usage?: { input: number; output: number };
  chunkDelayMs?: number;
}

export type AnthropicServer = ScriptedServer<AnthropicReply> & { baseURL: string };

/** Speaks Anthropic's Messages API (`POST /v1/messages`, streamed as named SSE events). */
export async function startAnthropicServer(): Promise<AnthropicServer> {
  const server = await startScriptedServer<AnthropicReply>(
    { kind: "reply", chunks: ["Hi", " there"] },
    (request, response, reply) => {
      if (!request.path.endsWith("/messages")) return void response.writeHead(404).end();
      void stream(request, response, reply);
    },
    (failure) => ({
      type: "error",
      error: {
        type: failure.errorType ?? "api_error",
        message: failure.message ?? `HTTP ${failure.status}`,
      },
    }),
  );
  return Object.assign(server, { baseURL: `${server.origin}/v1` });
}

async function stream(
  request: RecordedRequest,
  response: ServerResponse,
  reply: AnthropicReply,
): Promise<void> {
  const body = request.body as { model: string };
  const usage = reply.usage ?? { input: 9, output: reply.chunks.length };
  const model = reply.model ?? `${body.model}-20250929`;
  startSse(response);
  const message = {
    id: "msg_test",
    type: "message",
    role: "assistant",
    model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: usage.input, output_tokens: 1 },
  };
  sendEvent(response, { type: "message_start", message }, "message_start");
  sendEvent(
    response,
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    "content_block_start",
  );
  sendEvent(response, { type: "ping" }, "ping");
  for (const chunk of reply.chunks) {
    if (reply.chunkDelayMs) await delay(reply.chunkDelayMs);
    sendEvent(
      response,
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: chunk } },
      "content_block_delta",
    );
  }
  sendEvent(response, { type: "content_block_stop", index: 0 }, "content_block_stop");
  sendEvent(
    response,
    {
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: usage.output },
    },
    "message_delta",
  );
  sendEvent(response, { type: "message_stop" }, "message_stop");
  response.end();
}
