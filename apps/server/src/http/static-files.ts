import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

const PLACEHOLDER = `<!doctype html><meta charset="utf-8"><title>Switchyard</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.5">
<h1>Switchyard</h1><p>The API is running. The web app has not been built yet: run <code>pnpm build</code>.</p>`;

/** Serves the built web app; unknown paths get index.html so client-side routes work on reload. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  const url = new URL(req.url ?? "/", "http://local");
  const requested = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
  let file = path.join(root, requested);
  if (!file.startsWith(root)) file = path.join(root, "index.html");
  let info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    file = path.join(root, "index.html");
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PLACEHOLDER);
    return;
  }
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "content-length": info.size,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
  });
  createReadStream(file).pipe(res);
}
