/**
 * Every test/fixtures/<shape>/<case>.txt with its <case>.expected.json becomes a test: parse must report
 * exactly the expected fields (and nothing that is not in the input), and explain must rank the expected
 * catalog entry first.
 */
import { describe, expect, it } from "vitest";
import { explain, type ParsedAuthError, parse } from "../src/index.js";
import { redact } from "../src/redact.js";
import { type Expected, loadFixtures } from "./helpers/fixtures.js";

/** Fields derived as free text from the input; when a fixture does not pin them they must still come from it. */
const DERIVED_TEXT = [
  "message",
  "errorDescription",
  "timestampText",
  "exception",
  "command",
  "cmdlet",
] as const;
const unescapeAll = (s: string) => {
  let out = s;
  for (let i = 0; i < 3; i++) out = out.replace(/\\(["\\])/g, "$1");
  // JSON's \uXXXX escapes (a sign-in page's $Config writes its apostrophes so).
  return out.replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
};
/** The text without quote/box prefixes and HTML entities, as parse reads it. */
const unframed = (s: string) =>
  s
    .replace(/^[ \t]{0,4}(?:>|\u2502|\|)[ \t]?/gm, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    // A URL as a Markdown link keeps only the URL shown.
    .replace(/\[(https?:\/\/[^[\]\s]+)\]\([^()\s]+\)/g, "$1");
/** `+` and %XX escapes decoded one by one, so a stray `%` in the text does not stop the rest. */
const urlDecoded = (s: string) =>
  s.replace(/\+/g, " ").replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
/**
 * The text as read after its log records' headers (time, failing level, thread) go and its console wraps
 * are joined again: each line of the longest length (80 or more, twice or more) runs on into the next.
 */
const unheadered = (s: string) =>
  s.replace(
    /^\[?\d{4}-\d{2}-\d{2}[T ][\d:.,]{8,20}(?:Z|[+-][\d:]{4,5})?\]?(?:[ \t]+\[?(?:ERROR|WARN|WARNING|FAIL|fail)\]?:?)?(?:[ \t]+\[[^\]\n]*\])?[ \t]+/gm,
    "",
  );
const unwrapped = (s: string) => {
  const lines = s.replace(/\r\n?/g, "\n").split("\n");
  const width = Math.max(...lines.slice(0, -1).map((l) => l.length));
  if (width < 80) return s;
  return lines.map((l, i) => (l.length === width && i < lines.length - 1 ? l : `${l}\n`)).join("");
};
const squashed = (s: string) =>
  unescapeAll(s)
    .replace(/\\r\\n|\\n|\\r/g, " ")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim();

function checkFields(
  parsed: ParsedAuthError,
  fields: Expected["fields"],
  text: string,
  gaps: Record<string, unknown> = {},
): void {
  for (const [key, value] of Object.entries(fields)) {
    if (key === "chain") continue;
    expect(parsed[key as keyof ParsedAuthError], `field ${key}`).toEqual(value);
  }
  for (const key of Object.keys(parsed) as Array<keyof ParsedAuthError>) {
    if (key in fields || key in gaps || key === "chain" || key === "conflicts") continue;
    if ((DERIVED_TEXT as readonly string[]).includes(key)) {
      const value = String(parsed[key]).replace(/…$/, "");
      // The input as written, as each reading step sees it, and with its secrets (an authorization
      // code in a logged URL) redacted the way every output redacts them.
      const inputs = [
        text,
        urlDecoded(text),
        unframed(text),
        unheadered(text),
        unwrapped(text),
        redact(unheadered(text)).text,
      ].map(squashed);
      expect(
        inputs.some((t) => t.includes(squashed(value))),
        `${key} must come from the input: ${value.slice(0, 80)}`,
      ).toBe(true);
      continue;
    }
    expect.fail(`parse reported ${key}=${JSON.stringify(parsed[key])}, which the fixture does not expect`);
  }
}

const fixtures = loadFixtures();

describe("fixtures", () => {
  it("exist", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });
  for (const { name, text, expected } of fixtures) {
    describe(name, () => {
      it("parses to the expected fields", () => {
        const parsed = parse(text);
        checkFields(parsed, expected.fields, text, expected.gaps);
        if (expected.fields.chain) {
          expect(parsed.chain?.length, "chain length").toBe(expected.fields.chain.length);
          expected.fields.chain.forEach((member, i) => {
            for (const [k, v] of Object.entries(member))
              expect(parsed.chain?.[i]?.[k as keyof ParsedAuthError], `chain[${i}].${k}`).toEqual(v);
          });
        }
      });
      it(`ranks ${expected.top ?? "nothing"} first`, () => {
        const { matches } = explain(text);
        if (expected.top === null) expect(matches).toEqual([]);
        else expect(matches[0]?.id, JSON.stringify(matches.map((m) => [m.id, m.score]))).toBe(expected.top);
      });
    });
  }
});
