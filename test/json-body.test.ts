/**
 * braceSpans (src/parse/json-body.ts) crosses prose and string values with substring searches; the spans
 * it finds must be those of the walk over every character it replaced (test/helpers/json-body-old.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { braceSpans } from "../src/parse/json-body.js";
import { loadFixtures } from "./helpers/fixtures.js";
import { oldBraceSpans } from "./helpers/json-body-old.js";
import { textFrom } from "./helpers/texts.js";

describe("braceSpans finds the spans of a walk over every character", () => {
  it("on every fixture and corpus text, and each with its escapes undone", () => {
    const texts = loadFixtures().map((f) => f.text);
    const corpus = new URL("./corpus/cases/", import.meta.url).pathname;
    for (const f of readdirSync(corpus)) if (f.endsWith(".txt")) texts.push(readFileSync(corpus + f, "utf8"));
    let spans = 0;
    for (const text of texts)
      for (const t of [text, text.replaceAll('\\"', '"')]) {
        const expected = oldBraceSpans(t);
        spans += expected.length;
        expect(braceSpans(t)).toEqual(expected);
      }
    expect(spans).toBeGreaterThan(500);
  });

  it("on random texts of braces, quotes, backslashes and words", () => {
    const pieces = ["{", "}", '"', "\\", '\\"', "\\\\", "a", " ", '{"k":"v"}', "\n", '":"'];
    fc.assert(
      fc.property(textFrom(pieces, 60), (t) => {
        expect(braceSpans(t)).toEqual(oldBraceSpans(t));
      }),
      { numRuns: 3000 },
    );
  });

  it("past the depth it keeps and the spans it takes, as the walk did", () => {
    const deep = `${"{".repeat(200)}"x"${"}".repeat(150)} {"error":"invalid_client"}`;
    expect(braceSpans(deep)).toEqual(oldBraceSpans(deep));
    const many = "{}".repeat(5000);
    expect(braceSpans(many)).toEqual(oldBraceSpans(many));
    expect(braceSpans(many).length).toBe(4096);
    for (const t of ['{"a\\', '{"unterminated', '} { "}" }', '"{"}', "\\{}", '{"a":"b\\\\"}'])
      expect(braceSpans(t), t).toEqual(oldBraceSpans(t));
  });
});
