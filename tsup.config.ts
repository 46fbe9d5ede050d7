import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/** Library entry points, shipped as ESM and CommonJS with types for each. */
const library = { index: "src/index.ts", catalog: "src/catalog-data.ts", identity: "src/identity.ts" };

export default defineConfig([
  {
    // ESM: the library and the CLI share chunks, so the catalog ships once for both.
    entry: { ...library, cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: { entry: library },
    splitting: true,
    clean: true,
    target: "node20",
    platform: "node",
    treeshake: true,
    define: { __AADSTS_VERSION__: JSON.stringify(version) },
  },
  {
    entry: library,
    format: ["cjs"],
    dts: { entry: library },
    splitting: true,
    target: "node20",
    platform: "node",
    treeshake: true,
  },
]);
