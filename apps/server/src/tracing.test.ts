import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";
import { tracingConfigFromEnv } from "./tracing";

const config = (vars: Record<string, string>) => tracingConfigFromEnv(loadEnv(vars));

describe("tracing configuration from OpenTelemetry's variables", () => {
  it("is off without an endpoint, or with OTEL_SDK_DISABLED", () => {
    expect(config({})).toBeUndefined();
    expect(config({ OTEL_SERVICE_NAME: "x", OTEL_EXPORTER_OTLP_HEADERS: "a=b" })).toBeUndefined();
    expect(
      config({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:6006", OTEL_SDK_DISABLED: "true" }),
    ).toBeUndefined();
  });

  it("appends /v1/traces to a base endpoint, keeping its path; a traces endpoint is used as it is", () => {
    expect(config({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:6006" })?.url).toBe(
      "http://localhost:6006/v1/traces",
    );
    expect(
      config({ OTEL_EXPORTER_OTLP_ENDPOINT: "https://cloud.langfuse.com/api/public/otel/" })?.url,
    ).toBe("https://cloud.langfuse.com/api/public/otel/v1/traces");
    expect(
      config({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://a:4318",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://b:4318/custom/traces",
      })?.url,
    ).toBe("http://b:4318/custom/traces");
  });

  it("defaults to protobuf, the service name 'switchyard' and content on", () => {
    expect(config({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:6006" })).toEqual({
      url: "http://localhost:6006/v1/traces",
      headers: {},
      protocol: "http/protobuf",
      serviceName: "switchyard",
      content: true,
      timeoutMs: 10_000,
      scheduledDelayMs: 5000,
    });
    expect(
      config({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://x",
        SWITCHYARD_OTEL_CONTENT: "false",
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: "http/json",
      }),
    ).toMatchObject({
      content: false,
      protocol: "http/json",
    });
  });

  it("decodes the header list; trace-specific headers win", () => {
    expect(
      config({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://x",
        OTEL_EXPORTER_OTLP_HEADERS: "Authorization=Basic%20cGstbGYtMTpzay1sZi0y, x-team = a",
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: "x-team=b",
      })?.headers,
    ).toEqual({ Authorization: "Basic cGstbGYtMTpzay1sZi0y", "x-team": "b" });
  });

  it("refuses a malformed header list or gRPC without quoting the value", () => {
    expect(() =>
      loadEnv({ OTEL_EXPORTER_OTLP_HEADERS: "Authorization Bearer s3cret-value" }),
    ).toThrow(/OTEL_EXPORTER_OTLP_HEADERS must look like name=value/);
    expect(() =>
      loadEnv({ OTEL_EXPORTER_OTLP_HEADERS: "Authorization Bearer s3cret-value" }),
    ).not.toThrow(/s3cret-value/);
    expect(() => loadEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL must be http\/protobuf or http\/json/,
    );
    expect(() => loadEnv({ SWITCHYARD_OTEL_CONTENT: "no" })).toThrow(/SWITCHYARD_OTEL_CONTENT/);
  });
});
