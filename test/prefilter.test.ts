/**
 * requiredLiterals (src/parse/prefilter.ts): the literals it reads from a pattern must be in every text
 * the pattern matches in, or detectProducer would skip a producer that is there. Held to the patterns
 * themselves on every fixture and corpus text, and on random texts built from the patterns' own pieces.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  coverOf,
  holdsAnyOf,
  mayMatch,
  mayMatchFolded,
  requiredFoldedLiterals,
  requiredLiterals,
  trigramList,
} from "../src/parse/prefilter.js";
import { PRODUCERS } from "../src/parse/producers/index.js";
import { PATTERNS } from "../src/patterns.js";
import { loadFixtures } from "./helpers/fixtures.js";
import { oldRequiredLiterals } from "./helpers/prefilter-old.js";

const sorted = (l: string[] | undefined) => (l ? [...l].sort() : l);

describe("requiredLiterals reads a pattern's source", () => {
  it("joins literals, expands small classes, optional parts and alternatives", () => {
    expect(requiredLiterals(/abc/)).toEqual(["abc"]);
    expect(sorted(requiredLiterals(/a(?:b|c)d/))).toEqual(["abd", "acd"]);
    expect(sorted(requiredLiterals(/\bError:? [Bb]uild/))).toEqual([
      "Error Build",
      "Error build",
      "Error: Build",
      "Error: build",
    ]);
    expect(sorted(requiredLiterals(/^(?<x>GET|POST) https?:\/\//m))).toEqual([
      "GET http://",
      "GET https://",
      "POST http://",
      "POST https://",
    ]);
    expect(requiredLiterals(/\u00e9t\x41/)).toEqual(["étA"]);
  });

  it("extends a run of known strings with the known end of the part before and the start of the part after", () => {
    expect(sorted(requiredLiterals(/\b(Get|Post) "(https?:\/\/[^"\s]{1,2048})": /))).toEqual([
      'Get "http://',
      'Get "https://',
      'Post "http://',
      'Post "https://',
    ]);
    expect(requiredLiterals(/\b([A-Z][A-Za-z]{0,60}Credential): failed\s+to/)).toEqual([
      "Credential: failed",
    ]);
    expect(sorted(requiredLiterals(/(?:ab|cd)+x{2,}(?:yz)+ok/))).toEqual(["yzok"]);
  });

  it("keeps the most selective literal of a sequence that has unknown parts", () => {
    expect(requiredLiterals(/x{2,5}Credential\d+ failed/)).toEqual(["xCredential"]);
    expect(requiredLiterals(/[A-Z][a-z]{1,20}-Az[A-Za-z]+ ?: /)).toEqual(["-Az"]);
    expect(requiredLiterals(/(?:ab)+cdef/)).toEqual(["abcdef"]);
    expect(requiredLiterals(/(?=abcdef)x/)).toEqual(["x"]);
    expect(requiredLiterals(/(?<![\w.-])invalid_\w+/)).toEqual(["invalid_"]);
  });

  it("knows nothing where a match can be any text", () => {
    expect(requiredLiterals(/\d+/)).toBeUndefined();
    expect(requiredLiterals(/a*|b/)).toBeUndefined();
    expect(requiredLiterals(/(?:abc)?/)).toBeUndefined();
    expect(requiredLiterals(/[^abc]+/)).toBeUndefined();
    expect(requiredLiterals(/abc/i)).toBeUndefined();
    expect(requiredLiterals(/(a)\1/)).toEqual(["a"]);
    expect(requiredLiterals(/\cJ/)).toBeUndefined();
  });
});

/** Every pattern the prefilter is used on, and every other pattern of the project, as a wider check. */
const patterns: Array<[string, RegExp]> = [
  ...PRODUCERS.flatMap((p) =>
    p.markers.flatMap((m, i) =>
      m instanceof RegExp ? [[`${p.name} marker ${i}`, m] as [string, RegExp]] : [],
    ),
  ),
  ...Object.entries(PATTERNS).filter((e): e is [string, RegExp] => e[1] instanceof RegExp),
];

/** Does `re` match somewhere in `text` (a global or sticky pattern from its start)? */
function matches(re: RegExp, text: string): boolean {
  const plain = new RegExp(re.source, re.flags.replace(/[gy]/g, ""));
  return plain.test(text);
}

function holdsOne(literals: string[], text: string): boolean {
  return literals.some((l) => text.includes(l));
}

describe("every match holds one of the required literals", () => {
  const read = patterns.map(([name, re]) => [name, re, requiredLiterals(re)] as const);

  it("reads literals for every producer marker", () => {
    for (const [name, , literals] of read)
      if (name.includes(" marker ")) expect(literals, name).toBeDefined();
  });

  it("on every fixture and corpus text", () => {
    const texts = loadFixtures().map((f) => f.text);
    const corpus = new URL("./corpus/cases/", import.meta.url).pathname;
    for (const f of readdirSync(corpus)) if (f.endsWith(".txt")) texts.push(readFileSync(corpus + f, "utf8"));
    let checked = 0;
    for (const [name, re, literals] of read) {
      if (!literals) continue;
      for (const text of texts)
        if (matches(re, text)) {
          checked++;
          expect(holdsOne(literals, text), `${name} matched without ${JSON.stringify(literals)}`).toBe(true);
        }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("on random texts made of the patterns' own literals, cut and joined", () => {
    const pieces = [
      ...new Set(read.flatMap(([, , l]) => (l ?? []).flatMap((s) => [s, s.slice(1), s.slice(0, -1)]))),
      " ",
      "\n",
      ": ",
      "7000215",
      "x",
      "-",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        for (const [name, re, literals] of read)
          if (literals && matches(re, text))
            expect(holdsOne(literals, text), `${name} on ${JSON.stringify(text)}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe("the reader that joins a literal's characters in one part reads what the reader did before", () => {
  it("the same literals, in the same order, for every pattern of the project", () => {
    let known = 0;
    for (const [name, re] of patterns) {
      const now = requiredLiterals(re);
      expect(now, name).toEqual(oldRequiredLiterals(re));
      if (now) known++;
    }
    expect(known).toBeGreaterThan(60);
  });

  it("the same literals for random patterns made of literals, classes, groups and quantifiers", () => {
    const piece = fc.constantFrom(
      "a",
      "b",
      "ab",
      "xyz",
      "[Aa]",
      "[ab]",
      "\\d",
      ".",
      "(?:",
      ")",
      "|",
      "?",
      "+",
      "{2,3}",
      "*",
      "\\b",
      "^",
      "(?=c)",
      "\\.",
      " ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        let re: RegExp;
        try {
          re = new RegExp(parts.join(""));
        } catch {
          return;
        }
        expect(requiredLiterals(re)).toEqual(oldRequiredLiterals(re));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("case-insensitive patterns: required literals in lower case", () => {
  it("reads an ASCII letter as its lower case and leaves other characters unknown", () => {
    expect(sorted(requiredFoldedLiterals(/\b(Bearer[ \t]+)([A-Za-z0-9._~+/-]{8,}=*)/gi))).toEqual([
      "bearer\t",
      "bearer ",
    ]);
    expect(requiredFoldedLiterals(/[Ee]rror_Code/i)).toEqual(["error_code"]);
    expect(requiredFoldedLiterals(/Caf\u00e9 au lait/i)).toEqual([" au lait"]);
    expect(requiredFoldedLiterals(/X-IDENTITY-HEADER:/i)).toEqual(["x-identity-header:"]);
    // Only for the `i` flag: requiredLiterals reads the others.
    expect(requiredFoldedLiterals(/abc/)).toBeUndefined();
    expect(requiredFoldedLiterals(/\d+/i)).toBeUndefined();
  });
});

describe("coverOf: a few pieces in place of many literals", () => {
  it("keeps a few literals as they are", () => {
    expect(coverOf(["abc", "de"])).toEqual(["abc", "de"]);
  });

  it("finds pieces that every literal holds one of, the most shared first", () => {
    const literals = [" AADSTS", " AADB2C", "\tAADSTS", "\tAADB2C", "Error: (", "Exception: ("];
    const pieces = coverOf(literals) as string[];
    expect(pieces).toEqual(["AAD", ": ("]);
    for (const l of literals)
      expect(
        pieces.some((p) => l.includes(p)),
        l,
      ).toBe(true);
  });

  it("gives up when no few pieces of three characters cover them", () => {
    expect(coverOf(["ab", "cd", "ef", "gh", "ij"])).toBeUndefined();
    expect(coverOf(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"])).toBeUndefined();
  });
});

describe("mayMatch and mayMatchFolded never rule out a text the pattern matches", () => {
  const texts = loadFixtures().map((f) => f.text);
  const corpus = new URL("./corpus/cases/", import.meta.url).pathname;
  for (const f of readdirSync(corpus)) if (f.endsWith(".txt")) texts.push(readFileSync(corpus + f, "utf8"));
  const checks = (re: RegExp, text: string) => {
    const lower = text.toLowerCase();
    return { may: mayMatch(re, text), folded: mayMatchFolded(re, text, lower) };
  };

  it("on every fixture and corpus text, for every pattern of the project", () => {
    let matched = 0;
    let ruledOut = 0;
    for (const [name, re] of patterns)
      for (const text of texts) {
        const { may, folded } = checks(re, text);
        if (matches(re, text)) {
          matched++;
          expect(may, `${name}: mayMatch`).toBe(true);
          expect(folded, `${name}: mayMatchFolded`).toBe(true);
        } else if (!folded) ruledOut++;
      }
    expect(matched).toBeGreaterThan(1000);
    // The check is worth making: most (pattern, text) pairs that do not match are ruled out by it.
    expect(ruledOut).toBeGreaterThan(patterns.length * texts.length * 0.4);
  });

  it("on random texts made of the case-insensitive patterns' literals, in any case", () => {
    const folded = patterns.filter(([, re]) => re.ignoreCase);
    const pieces = [
      ...new Set(
        folded.flatMap(([, re]) =>
          (requiredFoldedLiterals(re) ?? []).flatMap((s) => [s, s.toUpperCase(), s.slice(1), s.slice(0, -1)]),
        ),
      ),
      " ",
      "=",
      ": ",
      "abcdefgh12345678",
      "\u212a",
      "\u0130",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        for (const [name, re] of folded)
          if (matches(re, text))
            expect(checks(re, text).folded, `${name} on ${JSON.stringify(text)}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe("holdsAnyOf over a list in groups gives each literal's own answer", () => {
  // Each pattern's literals (lower case for a case-insensitive one) and each producer's, as the checks
  // and the producers' pruning use them.
  const lists: Array<[string, string[], boolean]> = [];
  for (const [name, re] of patterns) {
    const folded = re.ignoreCase;
    const literals = (folded ? requiredFoldedLiterals(re) : requiredLiterals(re))?.filter(
      (l) => l.length >= 3,
    );
    if (literals && literals.length > 0) lists.push([name, literals, folded]);
  }
  PRODUCERS.forEach((p) => {
    const literals = p.markers.flatMap((m) => (m instanceof RegExp ? (requiredLiterals(m) ?? []) : []));
    if (literals.length > 0) lists.push([`${p.name}'s markers`, literals, false]);
  });

  it("on every fixture and corpus text: the list says a text may hold one exactly when one literal alone says so", () => {
    const texts = loadFixtures().map((f) => f.text);
    const corpus = new URL("./corpus/cases/", import.meta.url).pathname;
    for (const f of readdirSync(corpus)) if (f.endsWith(".txt")) texts.push(readFileSync(corpus + f, "utf8"));
    const grouped = lists.map(([name, literals, folded]) => ({
      name,
      folded,
      literals,
      all: trigramList(literals),
      each: literals.map((l) => trigramList([l])),
    }));
    // The lists hold fewer groups than literals (else grouping would save nothing).
    const groups = (list: Int32Array) => {
      let n = 0;
      for (let i = 0; i < list.length; i += 2 + (list[i + 1] as number)) n++;
      return n;
    };
    const literalCount = grouped.reduce((sum, g) => sum + g.literals.length, 0);
    const groupCount = grouped.reduce((sum, g) => sum + groups(g.all), 0);
    expect(groupCount).toBeLessThan(literalCount / 2);
    let present = 0;
    for (const text of texts) {
      const lower = text.toLowerCase();
      for (const g of grouped) {
        const t = g.folded ? lower : text;
        const whole = holdsAnyOf(g.all, t);
        expect(whole, g.name).toBe(g.each.some((one) => holdsAnyOf(one, t)));
        // And never wrong: a literal in the text is found.
        if (g.literals.some((l) => t.includes(l))) {
          present++;
          expect(whole, g.name).toBe(true);
        }
      }
    }
    expect(present).toBeGreaterThan(1000);
  });

  it("a literal shorter than a trigram makes the list hold in every text", () => {
    expect(holdsAnyOf(trigramList(["ab", "xyzzy"]), "nothing here")).toBe(true);
    expect(holdsAnyOf(trigramList(["xyzzy"]), "nothing here")).toBe(false);
    expect(holdsAnyOf(trigramList(["xyzzy"]), "say xyzzy")).toBe(true);
    expect(holdsAnyOf(trigramList([]), "anything")).toBe(false);
  });
});
