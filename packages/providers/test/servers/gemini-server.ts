import type { ServerResponse } from "node:http";
import {
  sendEvent,
  startScriptedServer,
  startSse,
  type RecordedRequest,
  type ScriptedServer,
} from "./scripted-server";

/** A normal Gemini answer. */
export interface GeminiReply {
  kind: "reply";
  chunks: string[];
  usage?: { prompt: number; candidates: number };
}

export type GeminiServer = ScriptedServer<GeminiReply> & { baseURL: string };

/** Speaks the Gemini API's `models/{model}:streamGenerateContent?alt=sse`. */
export async function startGeminiServer(): Promise<GeminiServer> {
  const server = await startScriptedServer<GeminiReply>(
    { kind: "reply", chunks: ["Bonjour", " le monde"] },
    (request, response, reply) => {
      if (!request.path.includes(":streamGenerateContent"))
        return void response.writeHead(404).end();
      stream(request, response, reply);
    },
    (failure) => ({
      error: {
        code: failure.status,
        message: failure.message ?? `HTTP ${failure.status}`,
        status: failure.errorType ?? "INTERNAL",
      },
    }),
  );
  return Object.assign(server, { baseURL: `${server.origin}/v1beta` });
}

function stream(_request: RecordedRequest, response: ServerResponse, reply: GeminiReply): void {
  const usage = reply.usage ?? { prompt: 7, candidates: reply.chunks.length };
  startSse(response);
  reply.chunks.forEach((text, i) => {
    const last = i === reply.chunks.length - 1;
    sendEvent(response, {
      candidates: [
        {
          content: { role: "model", parts: [{ text }] },
          index: 0,
          ...(last ? { finishReason: "STOP" } : {}),
        },
      ],
      ...(last
        ? {
            usageMetadata: {
              promptTokenCount: usage.prompt,
              candidatesTokenCount: usage.candidates,
              totalTokenCount: usage.prompt + usage.candidates,
            },
          }
        : {}),
      modelVersion: "gemini-2.5-flash-test",
    });
  });
  response.end();
}
