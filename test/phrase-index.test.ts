import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Catalog, defaultCatalog, foldText } from "../src/catalog/index.js";
import { type MatchIndexes, matchIndexes } from "../src/catalog/match-indexes.js";
import { PhraseIndex } from "../src/catalog/phrase-index.js";
import { match } from "../src/match/index.js";
import { parseWithText } from "../src/parse/index.js";
import { PATTERNS } from "../src/patterns.js";
import type { Match } from "../src/schema.js";
import { loadFixtures } from "./helpers/fixtures.js";
import { OldPhraseIndex } from "./helpers/phrase-index-old.js";
import { TablePhraseIndex } from "./helpers/phrase-index-table-old.js";

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
    // The causes' phrases, which the old automaton did not hold, have the ids after the entries' phrases.
    const entryPhrases = new Set(phrases.filter((p) => p !== "")).size;
    for (const text of texts) {
      const folded = foldText(text);
      expect([...now.findAll(folded)].filter((id) => id < entryPhrases).sort((a, b) => a - b)).toEqual(
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
    // Its matching indexes are built as for any catalog, then the old automaton takes the new one's place:
    // it reads the folded text, and the causes' phrases are looked for with String.includes, as they were.
    const anywhere = defaultCatalog.entries.flatMap((e) =>
      (e.causes ?? []).flatMap((c) => (c.when.phrases ?? []).map(foldText)),
    );
    const now = matchIndexes(defaultCatalog).phrases;
    const oracle = {
      findAllUnfolded(text: string): Set<number> {
        const folded = foldText(text);
        const found = old.findAll(folded);
        for (const p of anywhere) if (folded.includes(p)) found.add(now.anywhereIdOf(p));
        return found;
      },
    };
    matchIndexes(withOld).phrases = oracle as unknown as MatchIndexes["phrases"];
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

describe("PhraseIndex.findAllUnfolded: folding as it reads finds what folding first found", () => {
  /** Characters whose folding is the edge cases: case, quotes, every kind of whitespace, and the few that do not fold alone. */
  const tricky = [
    ..."abcAB CZ_9.-'\"",
    "\t",
    "\n",
    "\r",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\u2019",
    "\u2018",
    "\u02bc",
    "\u201c",
    "\u201d",
    "\u212a", // Kelvin sign: lower-cases to an ASCII k
    "\u0130", // İ: lower-cases to two characters
    "\u03a3", // Σ: lower-cases by its neighbours
    "\u00c9",
    "\ud801\udc00", // Deseret capital: a surrogate pair that lower-cases as one
    "\ud83d", // a lone surrogate
  ];
  const foldsAlone = tricky.filter((c) => c.length === 1 && !["\u0130", "\u03a3", "\ud83d"].includes(c));
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

  it("on random phrases (short tokens among them) and texts of tricky characters", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({
            unit: fc.constantFrom("a", "b", "c", " ", "'", '"', "k", "_"),
            minLength: 1,
            maxLength: 5,
          }),
          {
            maxLength: 10,
          },
        ),
        fc.array(fc.string({ unit: fc.constantFrom("a", "b", " ", "k", "'"), minLength: 1, maxLength: 4 }), {
          maxLength: 4,
        }),
        // Mostly texts that fold character by character; some with a character that makes the whole text fold.
        fc
          .oneof(
            { weight: 4, arbitrary: fc.array(fc.constantFrom(...foldsAlone), { maxLength: 40 }) },
            { weight: 1, arbitrary: fc.array(fc.constantFrom(...tricky), { maxLength: 40 }) },
          )
          .map((cs) => cs.join("")),
        (phrases, anywhere, text) => {
          const index = new PhraseIndex(phrases, anywhere);
          expect(sorted(index.findAllUnfolded(text))).toEqual(sorted(index.findAll(foldText(text))));
          const found = index.findAll(foldText(text));
          for (const p of phrases) expect(found.has(index.idOf(p))).toBe(occurs(p, foldText(text)));
          for (const p of anywhere) expect(found.has(index.anywhereIdOf(p))).toBe(foldText(text).includes(p));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("on the built-in catalog's phrases, over every fixture and corpus text", () => {
    const index = matchIndexes(defaultCatalog).phrases;
    const texts = [...loadFixtures().map((f) => f.text), ...corpusTexts()];
    for (const text of texts)
      expect(sorted(index.findAllUnfolded(text))).toEqual(sorted(index.findAll(foldText(text))));
  });

  it("finds a short token that is also a cause's phrase as a word for the entry and anywhere for the cause", () => {
    const index = new PhraseIndex(["enotfound", "not found"], ["enotfound", "not found", "saml"]);
    expect(index.anywhereIdOf("not found")).toBe(index.idOf("not found"));
    expect(index.anywhereIdOf("enotfound")).not.toBe(index.idOf("enotfound"));
    const inWord = index.findAllUnfolded("FileENOTFOUNDError: SAML\u00a0 assertion");
    expect(inWord.has(index.idOf("enotfound"))).toBe(false);
    expect(inWord.has(index.anywhereIdOf("enotfound"))).toBe(true);
    expect(inWord.has(index.anywhereIdOf("saml"))).toBe(true);
    const alone = index.findAllUnfolded("getaddrinfo ENOTFOUND login.microsoftonline.com: Not\t Found");
    expect(alone.has(index.idOf("enotfound"))).toBe(true);
    expect(alone.has(index.idOf("not found"))).toBe(true);
  });
});

describe("PhraseIndex: the construction by copied rows, with long phrases cut, finds what the full table found", () => {
  const texts = [...loadFixtures().map((f) => f.text), ...corpusTexts()];
  const entries = defaultCatalog.entries;
  const phrases = entries.flatMap((e) =>
    [...e.match.messages, ...e.match.hints, ...e.match.credentials].map(foldText),
  );
  const anywhere = entries.flatMap((e) =>
    (e.causes ?? []).flatMap((c) => (c.when.phrases ?? []).map(foldText)),
  );
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  /** The first cell where two indexes' tables (read from their private fields) differ, per table: -1 for none. */
  const firstDifference = (a: object, b: object) => {
    const x = a as Record<string, ArrayLike<number>>;
    const y = b as Record<string, ArrayLike<number>>;
    const states = (x.report as ArrayLike<number>).length;
    return Object.fromEntries(
      ["delta", "dict", "report", "twin", "classOf", "own"].map((k) => {
        const p = x[k] as ArrayLike<number>;
        const q = y[k] as ArrayLike<number>;
        // The old table sized `own` for one state per character; the states past the last are unused.
        const n = k === "own" ? states : Math.max(p.length, q.length);
        let at = -1;
        for (let i = 0; i < n && at < 0; i++) if (p[i] !== q[i]) at = i;
        return [k, at];
      }),
    );
  };

  it("builds the very tables of the old construction when no phrase is cut (every row completed)", () => {
    const now = new PhraseIndex(phrases, anywhere, Number.POSITIVE_INFINITY);
    now.readyAll();
    const before = new TablePhraseIndex(phrases, anywhere);
    expect((now as unknown as { delta: Uint16Array }).delta.length).toBeGreaterThan(1_000_000);
    expect(firstDifference(now, before)).toEqual({
      delta: -1,
      dict: -1,
      report: -1,
      twin: -1,
      classOf: -1,
      own: -1,
    });
  });

  it("the same phrase ids, folded first or not, in every fixture and corpus text (the built-in catalog)", () => {
    expect(texts.length).toBeGreaterThan(900);
    const before = new TablePhraseIndex(phrases, anywhere);
    const now = matchIndexes(defaultCatalog).phrases;
    // Ids are given in one order by both.
    for (const p of phrases) expect(now.idOf(p)).toBe(before.idOf(p));
    for (const p of anywhere) expect(now.anywhereIdOf(p)).toBe(before.anywhereIdOf(p));
    let found = 0;
    for (const text of texts) {
      const expected = sorted(before.findAllUnfolded(text));
      expect(sorted(now.findAllUnfolded(text))).toEqual(expected);
      expect(sorted(now.findAll(foldText(text)))).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(2000);
  });

  it("the same phrase ids when nearly every phrase is cut short (depth 1 to 4)", () => {
    for (const depth of [1, 2, 4]) {
      const now = new PhraseIndex(phrases, anywhere, depth);
      const before = new TablePhraseIndex(phrases, anywhere);
      for (const text of texts.slice(0, 300))
        expect(sorted(now.findAllUnfolded(text))).toEqual(sorted(before.findAllUnfolded(text)));
    }
  }, 60_000);

  it("the same phrase ids with phrases that repeat themselves, and past 65,536 states (32-bit cells)", () => {
    // A fixed pseudo-random sequence, so that a failure can be replayed.
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed >>> 8;
    };
    const letters = "abcdefgh -";
    const word = (length: number) =>
      Array.from({ length }, () => letters[next() % letters.length] as string).join("");
    const list = Array.from({ length: 4000 }, () => word(25 + (next() % 15)).trim()).filter(
      (p) => p.length > 0,
    );
    list.push("-".repeat(40), "ab".repeat(15), `${"abc".repeat(8)}d`, "-".repeat(25));
    const texts = [
      ...Array.from({ length: 60 }, () =>
        Array.from({ length: 30 }, () => {
          const p = list[next() % list.length] as string;
          // Whole phrases, phrases cut short, and runs of a repeating phrase.
          return next() % 3 === 0 ? p : p.slice(0, p.length - 1 - (next() % 5));
        }).join(next() % 2 === 0 ? " " : ""),
      ),
      "-".repeat(39),
      `${"-".repeat(39)}x${"-".repeat(40)}`,
      `${"ab".repeat(40)}c`,
      `${"abc".repeat(30)}d`,
    ];
    const before = new TablePhraseIndex(list);
    expect(texts.reduce((n, t) => n + before.findAllUnfolded(t).size, 0)).toBeGreaterThan(300);
    expect(before.findAllUnfolded("-".repeat(39)).size).toBe(1);
    for (const depth of [20, Number.POSITIVE_INFINITY]) {
      const now = new PhraseIndex(list, [], depth);
      for (const text of texts) {
        expect(sorted(now.findAllUnfolded(text))).toEqual(sorted(before.findAllUnfolded(text)));
        expect(sorted(now.findAll(text))).toEqual(sorted(before.findAll(text)));
      }
      now.readyAll();
      const cells = (now as unknown as { delta: Uint16Array | Uint32Array }).delta;
      if (depth === Number.POSITIVE_INFINITY) expect(cells).toBeInstanceOf(Uint32Array);
    }
  });

  it("agrees with the full table on random phrases, cut at random depths, over texts of tricky characters", () => {
    const units = ["a", "b", " ", "'", "k", "_", "\t", "\u00a0", "\u2019", "\u212a", "\u0130", "A"];
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: fc.constantFrom("a", "b", " ", "'", "k", "_"), minLength: 1, maxLength: 7 }),
          {
            maxLength: 10,
          },
        ),
        fc.array(fc.string({ unit: fc.constantFrom("a", "b", " ", "k"), minLength: 1, maxLength: 6 }), {
          maxLength: 4,
        }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.constantFrom(...units), { maxLength: 50 }).map((cs) => cs.join("")),
        (list, causes, depth, text) => {
          const now = new PhraseIndex(list, causes, depth);
          const before = new TablePhraseIndex(list, causes);
          expect(sorted(now.findAllUnfolded(text))).toEqual(sorted(before.findAllUnfolded(text)));
          expect(sorted(now.findAll(foldText(text)))).toEqual(sorted(before.findAll(foldText(text))));
          for (const p of list) expect(now.idOf(p)).toBe(before.idOf(p));
          for (const p of causes) expect(now.anywhereIdOf(p)).toBe(before.anywhereIdOf(p));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("foldText: printable ASCII with single spaces is only lower-cased", () => {
  /** The fold as three regex passes and a lower-casing, for every text. */
  const regexFold = (text: string) =>
    text
      .replace(PATTERNS.curlyApostrophe, "'")
      .replace(PATTERNS.curlyQuote, '"')
      .replace(PATTERNS.whitespace, " ")
      .toLowerCase();

  it("folds every fixture, corpus text and catalog phrase as the regex passes do", () => {
    const texts = [...loadFixtures().map((f) => f.text), ...corpusTexts()];
    const phrases = defaultCatalog.entries.flatMap((e) => [
      ...e.match.messages,
      ...e.match.hints,
      ...e.match.credentials,
      ...(e.causes ?? []).flatMap((c) => c.when.phrases ?? []),
    ]);
    let plain = 0;
    for (const t of [...texts, ...phrases, ...texts.flatMap((t) => t.split("\n"))]) {
      expect(foldText(t)).toBe(regexFold(t));
      if (foldText(t) === t.toLowerCase()) plain++;
    }
    expect(plain).toBeGreaterThan(1000);
  });

  it("on random texts of spaces, control characters, quotes and letters", () => {
    const units = [
      " ",
      "  ",
      "\t",
      "\n",
      "\r",
      "\u00a0",
      "\u2019",
      "\u201c",
      "\u02bc",
      "~",
      "\u007f",
      "A",
      "z",
      "0",
      "'",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), (parts) => {
        const t = parts.join("");
        expect(foldText(t)).toBe(regexFold(t));
      }),
      { numRuns: 3000 },
    );
  });
});

function corpusTexts(): string[] {
  const dir = new URL("./corpus/cases/", import.meta.url).pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(dir, f), "utf8"));
}
