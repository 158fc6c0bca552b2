// The server's worker thread: runs the TypeScript sources through tsx, as the server does
// (hooks registered on the main thread do not reach worker threads).
import { register } from "tsx/esm/api";

register();
await import("../src/boot/worker-thread.ts");
