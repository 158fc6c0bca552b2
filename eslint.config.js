import tseslint from "typescript-eslint";

/** Dependencies point one way (see DESIGN.md); lint enforces it instead of hoping. */
const sdkImports = ["ai", "@ai-sdk/*", "openai", "@anthropic-ai/*", "@opentelemetry/*"];
const hostImports = ["react", "react-dom", "@xyflow/*", "@prisma/*", "@trpc/*", "pg", "pg-boss"];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", ".data/**", "**/generated/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["packages/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: [...sdkImports, ...hostImports], message: "core is pure: no SDKs, React, Prisma or tRPC." },
            { group: ["@switchyard/*", "node:*"], message: "core depends on nothing else in the repo and must load in a browser." },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/providers/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: [...hostImports, "@switchyard/server", "@switchyard/api", "@switchyard/db"], message: "providers only implement core's provider interface." }] },
      ],
    },
  },
  {
    files: ["packages/telemetry/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...hostImports, "@switchyard/server", "@switchyard/api", "@switchyard/db", "@switchyard/providers"],
              message: "telemetry only turns core's run events into spans; hosts hand it their configuration.",
            },
          ],
        },
      ],
    },
  },
  {
    // One owner per concept: a run's status, lease, sequence and attempts change only through
    // packages/runs (the run lifecycle); tests may still set rows up directly.
    files: ["**/*.ts"],
    ignores: ["packages/runs/src/**", "**/test/**", "**/*.test.ts", "packages/db/src/test-fixtures.ts", "e2e/**", "bench/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: `CallExpression[callee.property.name=/^(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)$/][callee.object.property.name=/^(run|runEvent|nodeResult)$/]`,
          message: "runs, their events and node results are written only by the run lifecycle (@switchyard/runs).",
        },
        {
          selector: `TemplateElement[value.raw=/(UPDATE|INSERT\\s+INTO|DELETE\\s+FROM)\\s+"(run|run_event|node_result)"/i]`,
          message: "runs, their events and node results are written only by the run lifecycle (@switchyard/runs).",
        },
      ],
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...sdkImports, "@switchyard/db", "@switchyard/providers", "@switchyard/server", "@prisma/*", "pg", "pg-boss", "node:*"],
              message: "the web app runs in the browser: core for logic, the API for types only.",
            },
            { group: ["@switchyard/api", "@switchyard/api/*"], allowTypeImports: true, message: "import only the API's types (AppRouter) in the web app." },
          ],
        },
      ],
    },
  },
);
