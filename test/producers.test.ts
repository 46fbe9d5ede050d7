/**
 * The producer registry (src/parse/producers/): its shape, and detectProducer's one-pass search over every
 * marker held to the plain reading of the rule it implements (the earliest marker wins, registry order at
 * a tie, an MSAL gives way to its SDK, a wrapper's trailer after what it wraps), on every text we have.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ALL_MARKERS,
  adviceSdk,
  detectProducer,
  PRODUCERS,
  type Producer,
} from "../src/parse/producers/index.js";
import { SDKS } from "../src/vocab.js";
import { loadFixtures } from "./helpers/fixtures.js";

const at = (marker: Producer["markers"][number], text: string) =>
  typeof marker === "function" ? marker(text) : text.search(marker);

/** The rule, read plainly: every marker of every producer searched on its own. */
function reference(text: string): string | undefined {
  for (const p of PRODUCERS) if (p.claims?.(text)) return p.name;
  let best: Producer | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const p of PRODUCERS)
    for (const marker of p.markers) {
      const i = at(marker, text);
      if (i >= 0 && i < bestAt) {
        best = p;
        bestAt = i;
      }
    }
  const wrapping = PRODUCERS.find((p) => p.name === best?.wrappedBy);
  if (wrapping?.markers.some((m) => at(m, text) >= 0)) best = wrapping;
  for (const p of PRODUCERS)
    if (best && p.wraps?.includes(best.name) && p.trailers?.some((t) => t.test(text))) return p.name;
  return best?.name;
}

describe("the producer registry", () => {
  it("names each producer once, gives each a marker, and reports only SDK values the contract has", () => {
    const names = PRODUCERS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PRODUCERS) {
      expect(p.markers.length, p.name).toBeGreaterThan(0);
      if (p.sdk) expect(SDKS).toContain(p.sdk);
      if (p.advice) expect(SDKS).toContain(p.advice);
    }
    // Every SDK value parse() can report has a producer that reports it.
    for (const sdk of SDKS)
      expect(
        PRODUCERS.some((p) => p.sdk === sdk),
        sdk,
      ).toBe(true);
    expect(adviceSdk("msal-python")).toBe("python");
    // Their users call cmdlets or write provider blocks: no SDK's API names, their own wording or the neutral text.
    expect(adviceSdk("powershell")).toBe("powershell");
    expect(adviceSdk("terraform")).toBe("terraform");
  });

  // recheck answers "unknown" for an alternation this large. It needs no proof of its own: at each start
  // position it tries the markers in turn, so its work is at most the sum of running each marker alone,
  // and each marker is proven linear in test/redos.test.ts. What must hold is that it holds nothing else.
  it("searches every marker in one pattern built only from the checked markers", () => {
    const expected = PRODUCERS.map((p, i) => {
      const sources = p.markers.filter((m): m is RegExp => m instanceof RegExp).map((m) => `(?:${m.source})`);
      return sources.length > 0 ? `(?<p${i}>${sources.join("|")})` : "";
    })
      .filter(Boolean)
      .join("|");
    expect(ALL_MARKERS.source).toBe(expected);
    expect(ALL_MARKERS.flags).toBe("m");
    for (const p of PRODUCERS)
      for (const m of p.markers) if (m instanceof RegExp) expect(m.flags.replace("m", ""), p.name).toBe("");
  });

  it("detects in one pass exactly what the plain rule gives, on every fixture and corpus text", () => {
    const texts = loadFixtures().map((f) => f.text);
    const corpus = new URL("./corpus/cases/", import.meta.url).pathname;
    for (const f of readdirSync(corpus)) if (f.endsWith(".txt")) texts.push(readFileSync(corpus + f, "utf8"));
    expect(texts.length).toBeGreaterThan(600);
    let recognised = 0;
    for (const text of texts) {
      const name = detectProducer(text)?.name;
      expect(name, text.slice(0, 120)).toBe(reference(text));
      if (name) recognised++;
    }
    expect(recognised).toBeGreaterThan(texts.length / 2);
  });
});
