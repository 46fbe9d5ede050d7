import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Catalog, defaultCatalog, foldText } from "../src/catalog/index.js";
import { type MatchIndexes, matchIndexes } from "../src/catalog/match-indexes.js";
import { PhraseIndex } from "../src/catalog/phrase-index.js";
import { match } from "../src/match/index.js";
import { parseWithText } from "../src/parse/index.js";
import type { Match } from "../src/schema.js";
import { loadFixtures } from "./helpers/fixtures.js";
import { OldPhraseIndex } from "./helpers/phrase-index-old.js";

/** The oracle: a short one-word phrase must stand as a word; any other phrase is a plain substring. */
function occurs(p: string, text: string): boolean {
  const word = (c: string | undefined) => c !== undefined && /[a-z0-9_]/.test(c);
  const token = p.length <= 16 && !p.includes(" ") && word(p[0]) && word(p[p.length - 1]);
  if (!token) return text.includes(p);
  for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1))
    if (!word(text[i - 1]) && !word(text[i + p.length])) return true;
  return false;
}

describe("PhraseIndex", () => {
  it("finds overlapping and nested phrases in one pass", () => {
    const phrases = ["he", "she", "his", "hers", "run 'az login'", "please run 'az login' to set up account"];
    const index = new PhraseIndex(phrases);
    const found = index.findAll("she said hers: please run 'az login' to set up account");
    const names = [...found].map((id) => phrases[id]).sort();
    expect(names).toEqual(["hers", "please run 'az login' to set up account", "run 'az login'", "she"]);
    expect(index.idOf("nope")).toBe(-1);
  });
  it("finds a short one-word phrase only as a word of its own, longer phrases anywhere", () => {
    const phrases = ["enotfound", "he", "not found in the directory"];
    const index = new PhraseIndex(phrases);
    const names = (text: string) => [...index.findAll(text)].map((id) => phrases[id]).sort();
    expect(names("filenotfounderror: [errno 2] no such file")).toEqual([]);
    expect(names("getaddrinfo enotfound login.microsoftonline.com")).toEqual(["enotfound"]);
    expect(names("ushers")).toEqual([]);
    expect(names("he, she")).toEqual(["he"]);
    expect(names("was not found in the directory's list")).toEqual(["not found in the directory"]);
  });
  it("agrees with String.includes on random phrases and texts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom("a", "b", "c", " "), minLength: 1, maxLength: 5 }), {
          maxLength: 12,
        }),
        fc.string({ unit: fc.constantFrom("a", "b", "c", " "), maxLength: 60 }),
        (phrases, text) => {
          const index = new PhraseIndex(phrases);
          const found = index.findAll(text);
          for (const p of phrases) expect(found.has(index.idOf(p))).toBe(occurs(p, text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("PhraseIndex: the typed-array table finds what the Map-based automaton found", () => {
  const texts = [...loadFixtures().map((f) => f.text), ...corpusTexts()];
  const phrases = matchIndexes(defaultCatalog).indexed.flatMap((ix) =>
    [...ix.entry.match.messages, ...ix.entry.match.hints, ...ix.entry.match.credentials].map(foldText),
  );
  const old = new OldPhraseIndex(phrases);

  it("the same phrase ids in every fixture and corpus text", () => {
    expect(texts.length).toBeGreaterThan(900);
    const now = matchIndexes(defaultCatalog).phrases;
    for (const text of texts) {
      const folded = foldText(text);
      expect([...now.findAll(folded)].sort((a, b) => a - b)).toEqual(
        [...old.findAll(folded)].sort((a, b) => a - b),
      );
    }
  });

  it("the same matches (ids, scores, reasons) for every fixture and corpus text", () => {
    // The built-in catalog with the old automaton in place of the new one: ids are given in one order.
    const withOld: Catalog = {
      entries: defaultCatalog.entries,
      byId: (id) => defaultCatalog.byId(id),
      byCode: (code) => defaultCatalog.byCode(code),
      byName: (name) => defaultCatalog.byName(name),
    };
    // Its matching indexes are built as for any catalog, then the old automaton takes the new one's place.
    matchIndexes(withOld).phrases = old as unknown as MatchIndexes["phrases"];
    let matched = 0;
    for (const text of texts) {
      const { parsed, text: read } = parseWithText(text);
      const view = (m: Match) => [m.id, m.score, m.confidence, m.reasons, m.cause?.id];
      const now = match(parsed, { text: read }).map(view);
      expect(now).toEqual(match(parsed, { text: read, catalog: withOld }).map(view));
      if (now.length > 0) matched++;
    }
    expect(matched).toBeGreaterThan(700);
  }, 120_000);
});

function corpusTexts(): string[] {
  const dir = new URL("./corpus/cases/", import.meta.url).pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(dir, f), "utf8"));
}
