export * from "./flow/flow-schema";
export * from "./flow/limits";
export * from "./model/model-errors";
export * from "./model/model-gateway";
export * from "./model/sim-options";
export * from "./events/run-events";
export * from "./util/rng";
export * from "./util/tokens";
