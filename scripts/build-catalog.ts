/**
 * Compile the catalog (data/errors.yaml first, then every other data/*.yaml except sources.yaml, in name
 * order) into src/generated/catalog.ts.
 *   tsx scripts/build-catalog.ts          write the module (only when its text changed)
 *   tsx scripts/build-catalog.ts --check  fail when the committed module is stale (CI)
 * Exit codes: 0 ok, 1 invalid catalog or stale module.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import {
  catalogFileOrder,
  compileCatalog,
  referenceCodes,
  renderCatalogModule,
} from "./lib/compile-catalog.js";

const root = new URL("../", import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), "utf8");
const target = new URL("src/generated/catalog.ts", root);

const files = catalogFileOrder(readdirSync(new URL("data/", root))).map((name) => ({
  name,
  text: read(`data/${name}`),
}));
const { entries, errors } = compileCatalog(
  files,
  read("data/sources.yaml"),
  referenceCodes(read("data/aadsts-codes.tsv")),
);
if (errors.length > 0) {
  console.error(`data/*.yaml: ${errors.length} problem(s):`);
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
