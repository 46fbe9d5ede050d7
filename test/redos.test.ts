import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { check } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PRODUCERS } from "../src/parse/producers/index.js";
import { mayMatch, PATTERNS, type PatternName, REQUIRED_LITERALS } from "../src/patterns.js";
import { loadFixtures } from "./helpers/fixtures.js";
import { textFrom } from "./helpers/texts.js";

// recheck's automaton checker proves a pattern safe or finds its attack exactly, the same on every run.
// It cannot read every pattern (lookbehind, for one): those go to its fuzzing checker, whose verdict
// depends on timing (on a loaded machine it has called a bounded pattern "polynomial" that the automaton
// proves linear), with a fixed seed and a generous budget ("unknown" after the budget is not a finding).
const RECHECK = { timeout: 60_000, randomSeed: 20_261_205 } as const;

/** The largest bound of a counted repeat in a pattern's source (`{0,20000}` gives 20000). */
const largestBound = (source: string) =>
  Math.max(0, ...[...source.matchAll(/\{\d+(?:,(\d+))?\}/g)].map((m) => Number(m[1] ?? 0)));

async function verdict(source: string, flags: string) {
  // The automaton unrolls counted repeats: past a few hundred it runs out of stack or time (a timeout it
  // does not check while building), so those patterns go straight to the fuzzer. 2 s is far more than
  // any other proof takes here.
  if (largestBound(source) > 300) return check(source, flags, RECHECK);
  const exact = await check(source, flags, { timeout: 2_000, checker: "automaton" });
  return exact.status === "unknown" ? check(source, flags, RECHECK) : exact;
}

// Every pattern that runs on untrusted text must be linear: recheck proves it or finds an attack string.
describe("every pattern in src/patterns.ts is safe from catastrophic backtracking", () => {
  for (const [name, pattern] of Object.entries(PATTERNS)) {
    it(name, async () => {
      const result = await verdict(pattern.source, pattern.flags);
      const detail =
        result.status === "vulnerable"
          ? `${result.complexity.summary}, attack ${result.attack.pattern}`
          : result.status === "unknown"
            ? `unknown: ${JSON.stringify(result.error)}`
            : "";
      expect(result.status, `${name} ${detail}`).toBe("safe");
    }, 120_000);
  }
});

// A producer module keeps its own markers (src/parse/producers/): each is checked the same way.
describe("every producer's markers are safe from catastrophic backtracking", () => {
  for (const p of PRODUCERS) {
    const patterns = [
      ...p.markers,
      ...(p.shared?.markers ?? []),
      ...(p.trailers ?? []),
      ...(p.runtime ?? []),
    ].filter((m): m is RegExp => m instanceof RegExp);
    patterns.forEach((pattern, i) => {
      it(`${p.name} marker ${i + 1}`, async () => {
        const result = await verdict(pattern.source, pattern.flags);
        const detail = result.status === "vulnerable" ? `, attack ${result.attack.pattern}` : "";
        expect(result.status, `${p.name} ${pattern.source.slice(0, 60)}${detail}`).toBe("safe");
      }, 120_000);
    });
  }
});

// The rule that makes the checks above complete: no regular expression anywhere else in src/, except a
// producer module's markers, which the check above reaches through the registry.
describe("src/patterns.ts holds every regular expression", () => {
  const src = new URL("../src", import.meta.url).pathname;
  const isProducer = (f: string) => f.startsWith(join("parse", "producers"));
  const files = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && f !== "patterns.ts" && !f.startsWith("generated"))
    .map((f) => join(src, f));

  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("no regex literal or RegExp constructor outside it", () => {
    const found: string[] = [];
    for (const file of files) {
      const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const producer = isProducer(file.slice(src.length + 1));
      const visit = (node: ts.Node) => {
        const isLiteral =
          node.kind === ts.SyntaxKind.RegularExpressionLiteral && !(producer && isMarker(node));
        const isConstructor =
          (ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(sf) === "RegExp";
        if (isLiteral || isConstructor) {
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          found.push(`${file.slice(src.length + 1)}:${line} ${node.getText(sf).slice(0, 60)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(found).toEqual([]);
  });
});

/** A regex literal that is an element of a producer's `markers` or `trailers` array. */
function isMarker(node: ts.Node): boolean {
  const array = node.parent;
  if (!array || !ts.isArrayLiteralExpression(array)) return false;
  const prop = array.parent;
  return (
    !!prop &&
    ts.isPropertyAssignment(prop) &&
    ["markers", "trailers", "runtime"].includes(prop.name.getText())
  );
}

// mayMatch() skips a pattern when a text lacks its required literals. That is only sound if no text
// without them can match: checked on every fixture and on generated texts built from the patterns' parts.
describe("required literals never skip a text the pattern would match", () => {
  const guarded = Object.keys(REQUIRED_LITERALS) as PatternName[];
  const matches = (name: PatternName, text: string) => {
    const re = PATTERNS[name];
    re.lastIndex = 0;
    const hit = re.test(text);
    re.lastIndex = 0;
    return hit;
  };

  it("holds on every fixture, and each guarded pattern matches at least one of them", () => {
    const texts = loadFixtures().map((f) => f.text);
    for (const name of guarded) {
      let hits = 0;
      for (const text of texts) {
        if (!matches(name, text)) continue;
        hits++;
        expect(mayMatch(name, text), `${name} matched a fixture that lacks its literals`).toBe(true);
      }
      if (name !== "javaNested" && name !== "chainRetrieveHeader") expect(hits, name).toBeGreaterThan(0);
    }
  });

  it("holds on generated texts", () => {
    const texts = textFrom(
      [
        "Client",
        "Secret",
        "DefaultAzure",
        "Credential",
        " authentication failed",
        " authentication unavailable",
        " is unavailable",
        ": ",
        ":",
        " failed",
        " to acquire a token",
        " failed to retrieve a token from the included credentials.",
        ". ---> ",
        "Error Details: ",
        ".",
        "\n",
        "\t",
        " ",
        "get_token",
        "getToken",
        "x",
      ],
      24,
    );
    fc.assert(
      fc.property(texts, (text) => {
        for (const name of guarded) {
          if (matches(name, text))
            expect(mayMatch(name, text), `${name}: ${JSON.stringify(text)}`).toBe(true);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
