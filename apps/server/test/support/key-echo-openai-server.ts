import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OpenAI-protocol server that refuses every key and quotes it back in the error, as real
 * providers' "Incorrect API key provided: sk-…" messages do. It records the keys it was sent,
 * so a test can prove a worker used the stored credential and then look for it everywhere.
 */
export interface KeyEchoServer {
  baseURL: string;
  keysSeen: string[];
  close(): Promise<void>;
}

export async function startKeyEchoServer(): Promise<KeyEchoServer> {
  const keysSeen: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const key = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
      keysSeen.push(key);
      const body = JSON.stringify({
        error: {
          message: `Incorrect API key provided: ${key}. You can find your API key at https://example.com.`,
          type: "invalid_request_error",
          code: "invalid_api_key",
        },
      });
      res.writeHead(401, { "content-type": "application/json" }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    keysSeen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
