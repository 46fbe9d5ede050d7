/**
 * The real-world corpus (test/corpus/README.md): its shape, its annotations, and the parser's accuracy on
 * both halves held as a floor, so a change that reads real pastes worse fails CI. `npm run eval` prints
 * the full report.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  accuracy,
  FIELDS,
  FLOOR_FILE,
  type Floor,
  fromParsed,
  halfOf,
  inventedRate,
  loadCorpus,
  score,
} from "../scripts/lib/corpus.js";
import { parse } from "../src/index.js";

const corpus = loadCorpus();
const floor = JSON.parse(readFileSync(FLOOR_FILE, "utf8")) as Record<"dev" | "held-out", Floor>;

describe("the real-world corpus", () => {
  it("is as wide as the issue asks: 300+ texts, 15+ producers, 120+ repositories, 60+ with no AADSTS code", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((c) => c.annotation.producer)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(corpus.map((c) => c.annotation.repo).filter(Boolean)).size).toBeGreaterThanOrEqual(120);
    expect(corpus.filter((c) => c.annotation.fields.codes.length === 0).length).toBeGreaterThanOrEqual(60);
  });

  it("is split by the fixed rule into two halves of similar size", () => {
    const dev = corpus.filter((c) => c.half === "dev").length;
    expect(dev / corpus.length).toBeGreaterThan(0.4);
    expect(dev / corpus.length).toBeLessThan(0.6);
    // The rule itself, pinned on known digests: SHA-256("") starts e3 (odd), SHA-256("abc") starts ba (even).
    expect(halfOf("")).toBe("held-out");
    expect(halfOf("abc")).toBe("dev");
  });

  it("has annotations that agree with their texts: every code and ID annotated is in the text", () => {
    for (const c of corpus) {
      const { fields } = c.annotation;
      const text = c.text.toLowerCase();
      for (const code of fields.codes)
        expect(text.includes(String(code)), `${c.id}: code ${code} not in the text`).toBe(true);
      for (const id of [fields.traceId, fields.correlationId])
        if (id) expect(text.includes(id.toLowerCase()), `${c.id}: ${id} not in the text`).toBe(true);
    }
  });

  it("holds no text twice", () => {
    const seen = new Map<string, string>();
    for (const c of corpus) {
      const key = c.text.replace(/\s+/g, " ").trim();
      expect(seen.get(key), `${c.id} repeats ${seen.get(key)}`).toBeUndefined();
      seen.set(key, c.id);
    }
  });

  for (const half of ["dev", "held-out"] as const) {
    it(`is read by parse() at least as well as test/corpus/floor.json records (${half} half)`, () => {
      const s = score(
        corpus.filter((c) => c.half === half),
        (c) => fromParsed(parse(c.text)),
      );
      const pct = (x: number) => Math.round(x * 1000) / 10;
      for (const f of [...FIELDS, "all"] as const) {
        const t = f === "all" ? s.all : s.byField[f];
        expect(pct(accuracy(t)), `${half} ${f} accuracy`).toBeGreaterThanOrEqual(floor[half][f].accuracy);
        expect(pct(inventedRate(t)), `${half} ${f} invented`).toBeLessThanOrEqual(floor[half][f].invented);
      }
    });
  }
});
