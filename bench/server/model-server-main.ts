import { startModelServer } from "./model-server";

// `node --import tsx model-server-main.ts <latencyMs> <slowMs>`: prints its base URL, then serves.
const server = await startModelServer({ latencyMs: Number(process.argv[2] ?? 50), slowMs: Number(process.argv[3] ?? 4000) });
console.log(server.baseURL);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
