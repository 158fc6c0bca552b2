import type { ServerResponse } from "node:http";
import {
  delay,
  sendEvent,
  startScriptedServer,
  startSse,
  type RecordedRequest,
  type ScriptedServer,
} from "./scripted-server";

/** A normal (or mid-stream failing) chat-completions answer. */
export interface OpenAIReply {
  kind: "reply";
  chunks: string[];
  /** Model named in the response; defaults to a dated snapshot of the requested one. */
  model?: string;
  usage?: { prompt: number; completion: number };
  /** One logprob per chunk, sent when the request asks for logprobs. */
  logprobs?: number[];
  chunkDelayMs?: number;
  /** The finish reason sent, "stop" by default ("length": stopped at max_tokens). */
  finishReason?: string;
  /** Sent as an error frame after the chunks instead of finishing normally. */
  streamError?: { message: string; type: string };
}

export type OpenAIServer = ScriptedServer<OpenAIReply> & { baseURL: string };

/**
 * Speaks OpenAI's chat-completions (SSE streaming and plain JSON) and embeddings protocols under
 * `/v1`, the way api.openai.com, Ollama, vLLM and OpenRouter do.
 */
export async function startOpenAIServer(): Promise<OpenAIServer> {
  const server = await startScriptedServer<OpenAIReply>(
    { kind: "reply", chunks: ["Hello", " world"] },
    (request, response, reply) => {
      if (request.path.endsWith("/embeddings")) return embeddings(request, response);
      if (!request.path.endsWith("/chat/completions")) return void response.writeHead(404).end();
      const body = request.body as { stream?: boolean } | undefined;
      if (body?.stream) void stream(request, response, reply);
      else complete(request, response, reply);
    },
    (failure) => ({
      error: {
        message: failure.message ?? `HTTP ${failure.status}`,
        type: failure.errorType ?? "server_error",
        code: null,
      },
    }),
  );
  return Object.assign(server, { baseURL: `${server.origin}/v1` });
}

interface ChatBody {
  model: string;
  logprobs?: boolean;
  stream_options?: { include_usage?: boolean };
}

const created = 1_700_000_000;
const modelOf = (body: ChatBody, reply: OpenAIReply) => reply.model ?? `${body.model}-2024-07-18`;
const usageOf = (reply: OpenAIReply) => {
  const usage = reply.usage ?? { prompt: 11, completion: reply.chunks.length };
  return {
    prompt_tokens: usage.prompt,
    completion_tokens: usage.completion,
    total_tokens: usage.prompt + usage.completion,
  };
};
const tokenLogprobs = (body: ChatBody, reply: OpenAIReply, chunks: string[], offset: number) =>
  body.logprobs && reply.logprobs
    ? {
        content: chunks.map((token, i) => ({
          token,
          logprob: reply.logprobs?.[offset + i] ?? 0,
          bytes: [],
          top_logprobs: [],
        })),
      }
    : null;

async function stream(
  request: RecordedRequest,
  response: ServerResponse,
  reply: OpenAIReply,
): Promise<void> {
  const body = request.body as ChatBody;
  const frame = (choices: unknown[], extra: object = {}) => ({
    id: "chatcmpl-test",
    object: "chat.completion.chunk",
    created,
    model: modelOf(body, reply),
    choices,
    ...extra,
  });
  startSse(response);
  sendEvent(
    response,
    frame([
      { index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null },
    ]),
  );
  for (const [i, chunk] of reply.chunks.entries()) {
    if (reply.chunkDelayMs) await delay(reply.chunkDelayMs);
    sendEvent(
      response,
      frame([
        {
          index: 0,
          delta: { content: chunk },
          logprobs: tokenLogprobs(body, reply, [chunk], i),
          finish_reason: null,
        },
      ]),
    );
  }
  if (reply.streamError) {
    sendEvent(response, { error: { ...reply.streamError, code: null } });
  } else {
    sendEvent(
      response,
      frame([{ index: 0, delta: {}, logprobs: null, finish_reason: reply.finishReason ?? "stop" }]),
    );
    if (body.stream_options?.include_usage)
      sendEvent(response, frame([], { usage: usageOf(reply) }));
  }
  sendEvent(response, "[DONE]");
  response.end();
}

function complete(request: RecordedRequest, response: ServerResponse, reply: OpenAIReply): void {
  const body = request.body as ChatBody;
  const message = { role: "assistant", content: reply.chunks.join("") };
  const choice = {
    index: 0,
    message,
    logprobs: tokenLogprobs(body, reply, reply.chunks, 0),
    finish_reason: "stop",
  };
  response.writeHead(200, { "content-type": "application/json" });
  response.end(
    JSON.stringify({
      id: "chatcmpl-test",
      object: "chat.completion",
      created,
      model: modelOf(body, reply),
      choices: [choice],
      usage: usageOf(reply),
    }),
  );
}

/** Deterministic vectors: the character codes of each input, so the test can tell them apart. */
function embeddings(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { input: string[]; model: string };
  const data = body.input.map((text, index) => ({
    object: "embedding",
    index,
    embedding: [text.length, text.charCodeAt(0) || 0, 1],
  }));
  const tokens = body.input.reduce((sum, text) => sum + text.split(/\s+/).length, 0);
  response.writeHead(200, { "content-type": "application/json" });
  response.end(
    JSON.stringify({
      object: "list",
      data,
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    }),
  );
}
