/**
 * The public API, as a user's import sees it: the built package entry in both module formats. Every name
 * here is a semver promise; src/index.ts says why the rest is left out.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const EXPORTED = [
  "CatalogLoadError",
  "EXPORT_FORMATS",
  "FORMATS",
  "REDACTED",
  "SDKS",
  "defaultCatalog",
  "explain",
  "exportCatalog",
  "listEntries",
  "loadCatalog",
  "lookup",
  "lookupAll",
  "match",
  "parse",
  "redact",
  "render",
  "renderEntry",
  "scan",
  "scanAll",
  "search",
  "serializeError",
  "summarize",
];

/** What stays private (matcher internals, schemas, indexes), checked absent by name. */
const PRIVATE = [
  "SCORES",
  "MAX_BONUS",
  "hasSignal",
  "adviceSdk",
  "entryView",
  "PhraseIndex",
  "ParsedAuthErrorSchema",
  "EntraErrorBodySchema",
  "UserEntrySchema",
  "CatalogEntrySourceSchema",
  "createCatalog",
];

const esm = (await import(new URL("../dist/index.js", import.meta.url).href)) as Record<string, unknown>;
const cjs = createRequire(import.meta.url)("../dist/index.cjs") as Record<string, unknown>;

describe("the package entry", () => {
  it.each([
    ["ESM", esm],
    ["CommonJS", cjs],
  ])("%s exports exactly the public names", (_format, mod) => {
    const names = Object.keys(mod)
      .filter((n) => n !== "default" && n !== "__esModule")
      .sort();
    expect(names).toEqual([...EXPORTED].sort());
    for (const name of PRIVATE) expect(mod).not.toHaveProperty(name);
  });

  it("the README's table of exported names lists exactly these", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const table = readme.slice(
      readme.indexOf("| Stage "),
      readme.indexOf("\n\n", readme.indexOf("| Stage ")),
    );
    const listed = [...table.matchAll(/`(\w+)`/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...EXPORTED].sort());
  });

  it("stays within 25 runtime names, with room for the ones planned", () => {
    expect(EXPORTED.length).toBeLessThanOrEqual(24);
  });

  it("works through the entry: a catalog is a plain object of lookups", () => {
    const explain = esm.explain as (input: unknown) => { matches: Array<{ id: string }> };
    const catalog = esm.defaultCatalog as Record<string, unknown>;
    expect(Object.keys(catalog).sort()).toEqual(["byCode", "byId", "byName", "entries"]);
    expect(explain("AADSTS7000222: The provided client secret keys are expired.").matches[0]?.id).toBe(
      "client-secret-expired",
    );
    const fromCjs = cjs.explain as typeof explain;
    expect(fromCjs("AADSTS7000222: The provided client secret keys are expired.").matches[0]?.id).toBe(
      "client-secret-expired",
    );
  });
});
