import { ModelError, type SimOptions } from "@switchyard/core";
import { describe, expect, it, vi } from "vitest";
import { createModelGateway } from "../gateway";
import { failure, instant, simRequest as request } from "../../test/helpers";

const gateway = createModelGateway({});

describe("sim provider: simulated failures", () => {
  it("fails the first N attempts with the configured code, then succeeds", async () => {
    const sim: SimOptions = { ...instant, failFirst: 2, failWith: 429, retryAfterSeconds: 3 };
    const first = await failure(gateway.generate(request({ attempt: 1, sim })));
    expect(first.code).toBe("rate_limited");
    expect(first.retryAfterMs).toBe(3000);
    expect(first.status).toBe(429);
    expect((await failure(gateway.generate(request({ attempt: 2, sim })))).code).toBe(
      "rate_limited",
    );
    expect((await gateway.generate(request({ attempt: 3, sim }))).text).toContain("[simulated");
    const server = await failure(
      gateway.generate(request({ sim: { ...instant, failFirst: 1, failWith: 500 } })),
    );
    expect(server.code).toBe("server_error");
    expect(server.retryable).toBe(true);
  });

  it("alwaysFail fails every attempt the same way", async () => {
    for (const attempt of [1, 2, 7]) {
      expect(
        (
          await failure(
            gateway.generate(
              request({ attempt, sim: { ...instant, alwaysFail: true, failWith: 500 } }),
            ),
          )
        ).code,
      ).toBe("server_error");
    }
  });

  it("hangs on failWith timeout until the signal aborts, then rejects promptly", async () => {
    const controller = new AbortController();
    const call = gateway.generate(
      request({
        signal: controller.signal,
        sim: { ...instant, failFirst: 1, failWith: "timeout" },
      }),
    );
    const settled = vi.fn();
    void call.then(settled, settled);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).not.toHaveBeenCalled();
    controller.abort();
    expect((await failure(call)).code).toBe("cancelled");
  });

  it("rejects with the engine's own ModelError when it aborts with one", async () => {
    const controller = new AbortController();
    const call = gateway.generate(
      request({ signal: controller.signal, sim: { failFirst: 1, failWith: "timeout" } }),
    );
    controller.abort(new ModelError("timeout", "sim:fast timed out after 20 ms"));
    expect((await failure(call)).code).toBe("timeout");
  });

  it("rejects calls whose signal already fired without doing any work", async () => {
    const controller = new AbortController();
    controller.abort();
    const onDelta = vi.fn();
    expect(
      (await failure(gateway.generate(request({ signal: controller.signal, onDelta })))).code,
    ).toBe("cancelled");
    expect(onDelta).not.toHaveBeenCalled();
  });
});
