import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PhraseIndex } from "../src/catalog/phrase-index.js";

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
