/**
 * The built-in catalog's inputs, read from data/: the YAML files in compile order, the sources outline
 * and the facts the build checks against. One reader for the build script and the tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { type CatalogFacts, type CatalogFile, catalogFileOrder, compileCatalog } from "./compile-catalog.js";

export const ROOT = new URL("../../", import.meta.url);
export const PUBLISHED_IDS = new URL("data/published-ids.txt", ROOT);
export const GENERATED_MODULE = new URL("src/generated/catalog.ts", ROOT);

const read = (p: string) => readFileSync(new URL(p, ROOT), "utf8");

export interface CatalogInputs {
  files: CatalogFile[];
  sourcesYaml: string;
  facts: Required<CatalogFacts>;
}

/** Read every input of the built-in catalog. */
export function readCatalogInputs(): CatalogInputs {
  return {
    files: catalogFileOrder(readdirSync(new URL("data/", ROOT))).map((name) => ({
      name,
      text: read(`data/${name}`),
    })),
    sourcesYaml: read("data/sources.yaml"),
    facts: {
      referenceTsv: read("data/aadsts-codes.tsv"),
      messagesTsv: read("data/code-messages.tsv"),
      published: read("data/published-ids.txt").split("\n").filter(Boolean),
    },
  };
}

/** Compile the built-in catalog from data/. */
export function compileBuiltInCatalog(inputs: CatalogInputs = readCatalogInputs()) {
  return compileCatalog(inputs.files, inputs.sourcesYaml, inputs.facts);
}
