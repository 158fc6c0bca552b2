export { createModelGateway } from "./gateway";
export type { GatewayConfig, CompatibleEndpoint, LocalEndpointName } from "./config";
export { BUILT_IN_ENDPOINTS, LOCAL_ENDPOINT_NAMES } from "./config";
export { modelCatalog, type CatalogGroup, type CatalogModel } from "./catalog";
export { PRICE_TABLE, PRICES_AS_OF, listedPrice, priceOf, type PriceEntry } from "./pricing";
export { SIM_PRESETS, SIM_MODEL_IDS, type SimPreset } from "./sim/presets";
export { SIM_EMBED_DIMENSIONS, simEmbedding } from "./sim/embedding";
