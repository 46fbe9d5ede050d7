/**
 * Never throw, never hang, never pollute: property-based tests over parse, explain, render (every format)
 * and scan, with arbitrary strings (lone surrogates included), binary, hostile objects and JSON with
 * `__proto__` keys. 10,000 cases per API by default; AADSTS_PROPERTY_RUNS changes it.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { explain, FORMATS, parse, render, scanAll } from "../src/index.js";
import {
  looksEscaped,
  normalizeLineEnds,
  stripLinePrefixes,
  unescapeLineBreaks,
  unescapeOnce,
} from "../src/parse/fields.js";
import { MAX_INPUT_LENGTH } from "../src/parse/index.js";
import { PATTERNS } from "../src/patterns.js";
import { ParsedAuthErrorSchema } from "../src/schema.js";
import { textFrom } from "./helpers/texts.js";

const RUNS = Number(process.env.AADSTS_PROPERTY_RUNS ?? 10_000);

/** Pieces real errors are made of, so random texts reach deep into the parsers, not only their entry. */
const PIECES = [
  "AADSTS7000215: Invalid client secret provided.",
  "ClientSecretCredential authentication failed",
  "DefaultAzureCredential: failed to acquire a token.\nAttempted credentials:\n\t",
  "RESPONSE 401: 401 Unauthorized\n",
  "--------------------------------------------------------------------------------\n",
  '{"error":"invalid_client","error_description":"AADSTS700016: x","error_codes":[700016],"__proto__":{"polluted":1}}',
  "Trace ID: 0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\r\nCorrelation ID: ",
  "Timestamp: 2026-11-27 10:20:30Z",
  "?error=access_denied&error_description=AADSTS65004%3a+User+declined",
  "azure.core.exceptions.ClientAuthenticationError: ",
  "Azure.Identity.AuthenticationFailedException: ",
  "(invalid_grant) AADSTS50126",
  "client_secret=abc8Q~",
  "-----BEGIN PRIVATE KEY-----\n",
  "<script>alert(1)</script>",
  "\u001b]0;title\u0007\u001b[2J\u009b31m",
  '\\u0041ADSTS50076\\n\\"',
  "\uD800",
  "\uDFFF",
  "\u0000",
];

const errorText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })), { maxLength: 12 })
    .map((a) => a.join("")),
);

/** Objects a catch block might hand over: errors with causes, arrays, nested records, prototype keys. */
const hostileValue = fc.oneof(
  errorText,
  fc.anything({
    maxDepth: 4,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
  }),
  fc
    .jsonValue({ maxDepth: 6 })
    .map((v) => JSON.parse(JSON.stringify(v).replace(/"[a-z]+":/, '"__proto__":'))),
  fc
    .record({
      message: errorText,
      name: fc.constantFrom("AuthenticationError", "Error", "CredentialUnavailableError"),
    })
    .map((r) => Object.assign(new Error(r.message), { name: r.name })),
  fc.array(errorText, { maxLength: 4 }).map(
    (messages) =>
      new AggregateError(
        messages.map((m) => new Error(m)),
        "chain",
      ),
  ),
);

/** C0 and C1 control characters other than tab and newline. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Our own ANSI output: SGR colours and OSC 8 hyperlinks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const OWN_ANSI = /\u001b\[[0-9;]*m|\u001b\]8;;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

const before = Object.getOwnPropertyNames(Object.prototype).sort();
afterAll(() => {
  // No input, of the many above, reached Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe("never throws on any input", () => {
  it(`parse: ${RUNS} cases, always a result the schema accepts`, () => {
    fc.assert(
      fc.property(hostileValue, (input) => {
        const parsed = parse(input);
        expect(ParsedAuthErrorSchema.safeParse(parsed).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it(`explain: ${RUNS} cases, always an explanation with a summary`, () => {
    fc.assert(
      fc.property(hostileValue, (input) => {
        const ex = explain(input);
        expect(Array.isArray(ex.matches)).toBe(true);
        expect(typeof ex.summary).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });

  it(`render: ${RUNS} cases × every format, valid in its format and inert`, () => {
    fc.assert(
      fc.property(errorText, fc.constantFrom(...FORMATS), (text, format) => {
        const out = render(explain(text), { format });
        expect(typeof out).toBe("string");
        if (format === "json") expect(() => JSON.parse(out)).not.toThrow();
        if (format === "html") expect(out).not.toMatch(/<(script|img|iframe|svg)\b/i);
        // Text formats carry no control characters but newlines; ANSI only our own colour codes.
        if (format === "text" || format === "markdown") expect(out).not.toMatch(CONTROL);
        if (format === "ansi") expect(out.replace(OWN_ANSI, "")).not.toMatch(CONTROL);
      }),
      { numRuns: RUNS },
    );
  });

  it(`scan: ${RUNS} cases, in any chunking, every line counted`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(errorText, { maxLength: 6 }), async (chunks) => {
        const text = chunks.join("");
        const { summary } = await scanAll(chunks);
        const lines = text === "" ? 0 : text.split(/\r?\n/).length - (/\n$/.test(text) ? 1 : 0);
        expect(summary.lines).toBe(lines);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("hostile objects and sizes", () => {
  it("cyclic objects, throwing getters and proxies", () => {
    const cyclic: Record<string, unknown> = { message: "AADSTS50126: Error validating credentials." };
    cyclic.self = cyclic;
    cyclic.cause = cyclic;
    expect(explain(cyclic).parsed.codes).toEqual([50126]);
    const getters = Object.defineProperty({}, "message", {
      get() {
        throw new Error("getter");
      },
      enumerable: true,
    });
    expect(explain(getters).matches).toEqual([]);
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
        ownKeys() {
          throw new Error("trap");
        },
      },
    );
    expect(explain(trap).matches).toEqual([]);
    let deep: Record<string, unknown> = { message: "AADSTS700016" };
    for (let i = 0; i < 10_000; i++) deep = { cause: deep };
    expect(() => explain(deep)).not.toThrow();
  });

  it("a 10 MB string is cut at the documented limit, and the result says so", () => {
    const big = `AADSTS7000215: Invalid client secret provided. ${"x".repeat(10 * 1024 * 1024)}`;
    const ex = explain(big);
    expect(ex.parsed.truncated).toBe(true);
    expect(ex.parsed.codes).toEqual([7000215]);
    expect(ex.summary).toContain(`longer than ${MAX_INPUT_LENGTH.toLocaleString("en-US")} characters`);
    expect(render(ex, { format: "text" })).toMatch(/Input\s+cut at the input limit/);
  });
});

describe("JSON unescaping", () => {
  it("the native fast path and the fallback undo exactly one level of escaping", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const escaped = JSON.stringify(s).slice(1, -1);
        expect(unescapeOnce(escaped)).toBe(s);
        // A raw line break makes the native parser refuse; the fallback still unescapes the rest.
        expect(unescapeOnce(`${escaped}\n${escaped}`)).toBe(`${s}\n${s}`);
      }),
      { numRuns: RUNS },
    );
  });

  /**
   * `rewritten` gives what `reference` (the code it replaced) gives, on texts made of `pieces`, and
   * always on the edge cases in `examples`, which random texts reach only now and then.
   */
  const agrees = (
    rewritten: (t: string) => string,
    reference: (t: string) => string,
    pieces: string[],
    examples: string[] = [],
  ) =>
    fc.assert(
      fc.property(textFrom(pieces), (text) => {
        expect(rewritten(text)).toBe(reference(text));
      }),
      { numRuns: RUNS, examples: examples.map((e) => [e]) },
    );

  it("literal line-break escapes become real ones exactly as one regex pass would do it", () => {
    // The two regex passes unescapeLineBreaks used to make; it now walks the characters once.
    agrees(unescapeLineBreaks, (t) => t.replace(/\\r\\n|\\n|\\r/g, "\n").replace(/\\t/g, "\t"), [
      "\\",
      "r",
      "n",
      "t",
      "\\r",
      "\\n",
      "\\t",
      "\\r\\n",
      "\n",
      "x",
      " ",
    ]);
  });

  it("a text looks escaped exactly when a backslash stands before a quote or an n", () => {
    // looksEscaped goes from backslash to backslash by substring search.
    agrees(
      (t) => String(looksEscaped(t)),
      (t) => String(/\\["n]/.test(t)),
      ["\\", '"', "n", "\\n", '\\"', "\\\\", "r", "x", " ", "\n"],
      ["", "\\", "x\\", "\\\\n", 'a\\"b'],
    );
  });

  it("CRLF and lone CR become LF exactly as one regex pass would do it", () => {
    agrees(normalizeLineEnds, (t) => t.replace(/\r\n?/g, "\n"), [
      "\r",
      "\n",
      "\r\n",
      "\n\r",
      "x",
      " ",
      "\\r",
    ]);
  });

  it("line prefixes are counted and stripped as the line-by-line regex version did", () => {
    // First the indentation every line with text shares goes (a line of only spaces and tabs that lacks it
    // becomes empty), then the prefixes.
    const dedented = (text: string) => {
      const lines = text.split("\n");
      const leads = lines.filter((l) => /[^ \t]/.test(l)).map((l) => /^[ \t]*/.exec(l)?.[0] ?? "");
      let common = leads[0] ?? "";
      for (const lead of leads) {
        let n = 0;
        while (n < common.length && n < lead.length && common[n] === lead[n]) n++;
        common = common.slice(0, n);
      }
      if (common === "") return text;
      return lines.map((l) => (l.startsWith(common) ? l.slice(common.length) : l.trimStart())).join("\n");
    };
    const reference = (input: string) => {
      const text = dedented(input);
      const lines = text.split("\n");
      let nonEmpty = 0;
      let prefixed = 0;
      for (const line of lines) {
        if (line.trim() === "") continue;
        nonEmpty++;
        if (PATTERNS.linePrefix.test(line)) prefixed++;
      }
      if (prefixed < 2 || prefixed * 10 < nonEmpty * 6) return text;
      return lines.map((line) => line.replace(PATTERNS.linePrefix, "")).join("\n");
    };
    agrees(
      stripLinePrefixes,
      reference,
      ["> ", ">", "\u2502 ", "\u2503", "|", " ", "  ", "\t", "\n", "\r", "\u00a0", "\f", "x", "AADSTS1 "],
      ["    > a\n    > b", "     > a\n     > b", "\t\t\t\t> a\n\t \t \t> b", "> a\n\n\u00a0\n> b"],
    );
  });

  it("finds the Entra body after thousands of other JSON objects are cut short, and a deep nest", () => {
    const body =
      '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}';
    expect(parse(`${body} ${"{}".repeat(500_000)}`).error).toBe("invalid_client");
    expect(parse(`${"{".repeat(100_000)} ${body}`)).toMatchObject({
      error: "invalid_client",
      codes: [7000215],
    });
  });
});
