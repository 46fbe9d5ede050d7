/** Fixture loading, shared by the fixture test and the catalog coverage test. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ParsedAuthError } from "../../src/index.js";

export interface Expected {
  source: string;
  top: string | null;
  fields: Partial<ParsedAuthError> & { chain?: Array<Partial<ParsedAuthError>> };
  /** Known parser gaps: the right values parse does not produce yet. Counted as misses by the accuracy report. */
  gaps?: Partial<ParsedAuthError>;
}

export const FIXTURE_ROOT = new URL("../fixtures/", import.meta.url).pathname;

export function loadFixtures(): Array<{ name: string; text: string; expected: Expected }> {
  const out: Array<{ name: string; text: string; expected: Expected }> = [];
  for (const shape of readdirSync(FIXTURE_ROOT).sort()) {
    for (const file of readdirSync(join(FIXTURE_ROOT, shape)).sort()) {
      if (!file.endsWith(".txt")) continue;
      const base = file.slice(0, -4);
      out.push({
        name: `${shape}/${base}`,
        text: readFileSync(join(FIXTURE_ROOT, shape, file), "utf8"),
        expected: JSON.parse(readFileSync(join(FIXTURE_ROOT, shape, `${base}.expected.json`), "utf8")),
      });
    }
  }
  return out;
}
