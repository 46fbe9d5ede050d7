import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PhraseIndex } from "../src/catalog/phrase-index.js";

describe("PhraseIndex", () => {
  it("finds overlapping and nested phrases in one pass", () => {
    const phrases = ["he", "she", "his", "hers", "run 'az login'", "please run 'az login' to set up account"];
    const index = new PhraseIndex(phrases);
    const found = index.findAll("ushers: please run 'az login' to set up account");
    const names = [...found].map((id) => phrases[id]).sort();
    expect(names).toEqual(["he", "hers", "please run 'az login' to set up account", "run 'az login'", "she"]);
    expect(index.idOf("nope")).toBe(-1);
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
          for (const p of phrases) expect(found.has(index.idOf(p))).toBe(text.includes(p));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
