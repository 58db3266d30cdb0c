import type { LayersConfig } from "./scripts/check-layers.mjs";
declare const config: LayersConfig;
export default config;
