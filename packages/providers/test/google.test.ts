import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createModelGateway } from "../src";
import { startGeminiServer, type GeminiServer } from "./servers/gemini-server";
import { chat, expectNoKey, failure } from "./helpers";

const KEY = "AIza-test-SECRET-0123456789";
let server: GeminiServer;

beforeAll(async () => {
  server = await startGeminiServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("google", () => {
  it("describes a missing key without calling anything", async () => {
    const gateway = createModelGateway({});
    expect(gateway.describe("google:gemini-2.5-pro")).toEqual({
      price: { inputPerMTok: 1.25, outputPerMTok: 10 },
      maxOutputTokens: 65535,
      simulated: false,
      unavailable:
        "google:gemini-2.5-pro needs a Google API key (set GOOGLE_GENERATIVE_AI_API_KEY or add it in Settings)",
      unavailableReason: "missing-key",
    });
    expect((await failure(gateway.generate(chat("google:gemini-2.5-pro")))).code).toBe("auth");
  });

  it("streams from the Gemini API over real HTTP", async () => {
    const gateway = createModelGateway({ googleApiKey: KEY, googleBaseURL: server.baseURL });
    server.script({
      kind: "reply",
      chunks: ["Canberra", " it is."],
      usage: { prompt: 8, candidates: 4 },
    });
    const request = chat("google:gemini-2.5-flash");
    const result = await gateway.generate(request);
    expect(request.deltas).toEqual(["Canberra", " it is."]);
    expect(result).toMatchObject({
      text: "Canberra it is.",
      usage: { input: 8, output: 4 },
      simulated: false,
    });
    expect(result.model).toMatch(/^google:gemini-2\.5-flash/);
    expect(server.requests[0]?.path).toBe(
      "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
    );
    expect(server.requests[0]?.headers["x-goog-api-key"]).toBe(KEY);
  });

  it("maps Gemini's 429 and 403", async () => {
    const gateway = createModelGateway({ googleApiKey: KEY, googleBaseURL: server.baseURL });
    server.script({
      kind: "status",
      status: 429,
      retryAfter: "5",
      errorType: "RESOURCE_EXHAUSTED",
    });
    expect(await failure(gateway.generate(chat("google:gemini-2.5-flash")))).toMatchObject({
      code: "rate_limited",
      retryAfterMs: 5000,
    });
    server.script({
      kind: "status",
      status: 403,
      errorType: "PERMISSION_DENIED",
      message: `API key ${KEY} not valid`,
    });
    const error = await failure(gateway.generate(chat("google:gemini-2.5-flash")));
    expect(error.code).toBe("auth");
    expectNoKey(error, KEY);
  });
});
