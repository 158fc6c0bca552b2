// `npm start`: installs what is missing, then runs the demo flow through the CLI.
import { ensureInstalled, pnpmCommand, run } from "./bootstrap.mjs";

const pnpm = pnpmCommand();
ensureInstalled(pnpm);
console.log("Running examples/cascade.json on simulated models (no keys needed):\n");
process.exit(run(pnpm[0], [...pnpm.slice(1), "-s", "switchyard", "run", "examples/cascade.json", ...process.argv.slice(2)]));
