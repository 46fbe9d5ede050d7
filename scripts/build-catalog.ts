/**
 * Compile data/errors.yaml into src/generated/catalog.ts.
 *   tsx scripts/build-catalog.ts          write the module (only when its text changed)
 *   tsx scripts/build-catalog.ts --check  fail when the committed module is stale (CI)
 * Exit codes: 0 ok, 1 invalid catalog or stale module.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { compileCatalog, renderCatalogModule } from "./lib/compile-catalog.js";

const root = new URL("../", import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), "utf8");
const target = new URL("src/generated/catalog.ts", root);

const { entries, errors } = compileCatalog(read("data/errors.yaml"), read("data/sources.yaml"));
if (errors.length > 0) {
  console.error(`data/errors.yaml: ${errors.length} problem(s):`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
const text = renderCatalogModule(entries);
const current = existsSync(target) ? readFileSync(target, "utf8") : "";
if (process.argv.includes("--check")) {
  if (current !== text) {
    console.error("src/generated/catalog.ts is stale: run `npm run build:catalog` and commit the result.");
    process.exit(1);
  }
  console.log(`catalog ok: ${entries.length} entries, generated module up to date`);
} else if (current !== text) {
  writeFileSync(target, text);
  console.log(`wrote src/generated/catalog.ts (${entries.length} entries)`);
} else {
  console.log(`src/generated/catalog.ts already up to date (${entries.length} entries)`);
}
