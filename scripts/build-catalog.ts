/**
 * Compile the catalog (data/errors.yaml first, then every other data/*.yaml except sources.yaml, in name
 * order) into src/generated/catalog.ts and its lookup tables, src/generated/catalog-tables.ts, and record new entry ids in data/published-ids.txt (an id, once
 * published, is never deleted; the compiler refuses a catalog that lost one).
 *   tsx scripts/build-catalog.ts          write both files (only when their text changed)
 *   tsx scripts/build-catalog.ts --check  fail when either committed file is stale (CI)
 * Exit codes: 0 ok, 1 invalid catalog or stale file.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import {
  compileBuiltInCatalog,
  GENERATED_MODULE,
  PUBLISHED_IDS,
  readCatalogInputs,
} from "./lib/catalog-files.js";
import { encodeCatalog, renderCatalogModule, renderCatalogTables } from "./lib/compile-catalog.js";

const inputs = readCatalogInputs();
const { entries, errors } = compileBuiltInCatalog(inputs);
if (errors.length > 0) {
  console.error(`data/*.yaml: ${errors.length} problem(s):`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
const published = inputs.facts.published;
const known = new Set(published);
const fresh = entries.map((e) => e.id).filter((id) => !known.has(id));
const encoded = encodeCatalog(entries);
const outputs = [
  { file: GENERATED_MODULE, name: "src/generated/catalog.ts", text: renderCatalogModule(entries, encoded) },
  {
    file: new URL("catalog-tables.ts", GENERATED_MODULE),
    name: "src/generated/catalog-tables.ts",
    text: renderCatalogTables(entries, encoded),
  },
  { file: PUBLISHED_IDS, name: "data/published-ids.txt", text: [...published, ...fresh, ""].join("\n") },
];
const check = process.argv.includes("--check");
let stale = false;
for (const out of outputs) {
  const current = existsSync(out.file) ? readFileSync(out.file, "utf8") : "";
  if (current === out.text) continue;
  if (check) {
    console.error(`${out.name} is stale: run \`npm run build:catalog\` and commit the result.`);
    stale = true;
  } else {
    writeFileSync(out.file, out.text);
    console.log(`wrote ${out.name}`);
  }
}
if (stale) process.exit(1);
console.log(
  `catalog ok: ${entries.length} entries${fresh.length > 0 && !check ? `, ${fresh.length} new id(s) published` : ""}`,
);
