import { z } from "zod";
import { DEFAULT_RUN_LIMITS } from "@switchyard/core";
import { DEFAULT_LEASE_MS } from "@switchyard/runs";
import { LOCAL_ENDPOINT_NAMES, type LocalEndpointName } from "@switchyard/providers";

const compatibleSchema = z.array(z.object({ name: z.string(), baseURL: z.url(), apiKey: z.string().optional() }));
const priceSchema = z.record(z.string(), z.object({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) }));

/** A JSON-valued variable, parsed and then checked by `schema`. */
function jsonVar<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const optionalKey = z.string().trim().min(1).optional();

/** `ollama,vllm`, `all` or `none`: the built-in endpoints on localhost this host may call. */
const localModels = z.string().transform((text, ctx) => {
  const names = text.split(",").map((name) => name.trim()).filter(Boolean);
  if (names.length === 1 && (names[0] === "all" || names[0] === "none")) return names[0] === "all" ? [...LOCAL_ENDPOINT_NAMES] : [];
  const unknown = names.filter((name) => !(LOCAL_ENDPOINT_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    ctx.addIssue({ code: "custom", message: `must list built-in local endpoints (${LOCAL_ENDPOINT_NAMES.join(", ")}), or be all or none; got '${unknown.join("', '")}'` });
    return z.NEVER;
  }
  return names as LocalEndpointName[];
});

/** OTLP's header list, `name=value,name2=value2` with URL-encoded values. Issues never quote it: it holds auth. */
const otlpHeaders = z.string().transform((text, ctx) => {
  const headers: Record<string, string> = {};
  for (const pair of text.split(",")) {
    if (pair.trim() === "") continue;
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    let value: string | undefined;
    try {
      value = eq > 0 ? decodeURIComponent(pair.slice(eq + 1).trim()) : undefined;
    } catch {
      value = undefined;
    }
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || value === undefined) {
      ctx.addIssue({ code: "custom", message: "must look like name=value,name2=value2 (values URL-encoded)" });
      return z.NEVER;
    }
    headers[name] = value;
  }
  return headers;
});
const otlpProtocol = z.enum(["http/protobuf", "http/json"], { error: "must be http/protobuf or http/json (gRPC is not supported)" });

/** Every environment variable Switchyard reads, validated once. Nothing else reads process.env. */
export const envSchema = z.object({
  OPENAI_API_KEY: optionalKey,
  OPENAI_BASE_URL: z.url().optional(),
  ANTHROPIC_API_KEY: optionalKey,
  ANTHROPIC_BASE_URL: z.url().optional(),
  GOOGLE_GENERATIVE_AI_API_KEY: optionalKey,
  GOOGLE_API_KEY: optionalKey,
  OPENROUTER_API_KEY: optionalKey,
  /** Extra OpenAI-compatible endpoints: `[{"name":"lab","baseURL":"http://gpu:8000/v1"}]`. */
  SWITCHYARD_OPENAI_COMPATIBLE: jsonVar(compatibleSchema).optional(),
  /**
   * Built-in keyless endpoints on this machine's localhost that flows may call: `ollama,lmstudio,vllm`,
   * `all` or `none`. The server enables none by default (a flow must not reach the server's own
   * ports); the CLI, on the user's own machine, all.
   */
  SWITCHYARD_LOCAL_MODELS: localModels.optional(),
  /** Price overrides per model id, USD per million tokens. */
  SWITCHYARD_PRICES: jsonVar(priceSchema).optional(),
  /** Where the CLI keeps memory-node conversations. */
  SWITCHYARD_HOME: z.string().default(".switchyard"),

  // ── server ──
  /** Postgres to use; without it `start` runs an embedded PostgreSQL under SWITCHYARD_DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** The origin people reach the app at (cookies, CSRF checks); http://localhost:PORT by default. */
  PUBLIC_URL: z.url().optional(),
  SWITCHYARD_DATA_DIR: z.string().default(".data"),
  /** Signs session cookies. Generated once into the data directory when absent. */
  SWITCHYARD_AUTH_SECRET: z.string().min(32).optional(),
  /** 32 bytes, base64: encrypts provider keys at rest. Generated once into the data directory when absent. */
  SWITCHYARD_CREDENTIAL_KEY: z.string().optional(),
  /** Runs one worker executes at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** The most output tokens any one model call may produce (the engine stops a reply there). */
  SWITCHYARD_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(16).max(1_000_000).default(DEFAULT_RUN_LIMITS.maxOutputTokens),
  /** The most characters of text one node's output may hold. */
  SWITCHYARD_MAX_OUTPUT_CHARS: z.coerce.number().int().min(1000).max(10_000_000).default(DEFAULT_RUN_LIMITS.maxOutputChars),
  /** How long a worker's hold on a run lasts without renewal (crash detection). */
  SWITCHYARD_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(DEFAULT_LEASE_MS),
  /** Runs one user may start per minute through the app (per API process). */
  SWITCHYARD_RUN_START_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Requests one API key may make to the REST endpoint per minute (per API process). */
  /** Sign-ups per minute from one address. */
  SWITCHYARD_SIGNUP_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  SWITCHYARD_REST_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
  /** `start` runs a worker in process unless this is "false". */
  SWITCHYARD_IN_PROCESS_WORKER: z.enum(["true", "false"]).default("true"),

  // ── tracing (OpenTelemetry's standard variables; nothing is loaded unless an endpoint is set) ──
  /** Collector base URL; traces go to `<endpoint>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** Full traces URL; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  /** Headers sent with every export, e.g. `Authorization=Basic …` for Langfuse. */
  OTEL_EXPORTER_OTLP_HEADERS: otlpHeaders.optional(),
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: otlpHeaders.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol.optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otlpProtocol.optional(),
  /** Deadline of one export, retries included, in ms. */
  OTEL_EXPORTER_OTLP_TIMEOUT: z.coerce.number().int().min(1).max(600_000).default(10_000),
  /** How long ended spans wait to be sent together, in ms. */
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(1).max(600_000).default(5000),
  OTEL_SERVICE_NAME: z.string().trim().min(1).default("switchyard"),
  OTEL_SDK_DISABLED: z.enum(["true", "false"]).default("false"),
  /** "false" keeps prompts, answers, inputs and outputs off spans. */
  SWITCHYARD_OTEL_CONTENT: z.enum(["true", "false"]).default("true"),
});

export type Env = z.output<typeof envSchema>;

/** Parses the environment or throws one readable line naming the bad variables (never their values). */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const names = parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join("; ");
  throw new Error(`invalid environment: ${names}`);
}
