#!/usr/bin/env node
// `start` and `worker` entry: runs the TypeScript sources through tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
