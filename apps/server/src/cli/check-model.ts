import type { ModelGateway, ValidateOptions } from "@switchyard/core";

/**
 * Model checks for validation: a model no provider knows is an error; a missing key is only a
 * warning, because the node fails at run time with a clear message and its fallback can take over.
 */
export function modelChecker(gateway: ModelGateway): NonNullable<ValidateOptions["checkModel"]> {
  return (model) => {
    const info = gateway.describe(model);
    if (!info.unavailable) return undefined;
    return { severity: info.unavailableReason === "missing-key" ? "warning" : "error", message: info.unavailable };
  };
}
