/**
 * Field accuracy over the whole fixture corpus, per input shape. A fixture may record a known parser gap
 * under `gaps` (the right value that parse does not yet produce); the strict fixture test skips those
 * fields, and this report counts them as misses, so no gap is hidden.
 */
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { type ParsedAuthError, parse } from "../src/index.js";
import { loadFixtures } from "./helpers/fixtures.js";

const FIELDS = ["codes", "traceId", "correlationId", "timestamp", "credential", "error", "status"] as const;
type Field = (typeof FIELDS)[number];

describe("field accuracy over the fixture corpus", () => {
  const fixtures = loadFixtures();
  const byShape = new Map<string, Record<Field, { right: number; total: number }>>();
  const total = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Record<
    Field,
    { right: number; total: number }
  >;
  const misses: string[] = [];
  for (const { name, text, expected } of fixtures) {
    const shape = name.split("/")[0] as string;
    const row =
      byShape.get(shape) ??
      (Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Record<
        Field,
        { right: number; total: number }
      >);
    byShape.set(shape, row);
    const parsed = parse(text);
    const gaps = (expected as { gaps?: Partial<ParsedAuthError> }).gaps ?? {};
    for (const field of FIELDS) {
      const want = field in gaps ? gaps[field] : expected.fields[field];
      const got = parsed[field];
      const empty = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
      if (empty(want) && empty(got)) continue;
      const ok = isDeepStrictEqual(want ?? (field === "codes" ? [] : undefined), got);
      row[field].total++;
      total[field].total++;
      if (ok) {
        row[field].right++;
        total[field].right++;
      } else misses.push(`${name}: ${field} expected ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
  }

  it("is at least 99% for every field, and the report says where it is not 100%", () => {
    const pct = (c: { right: number; total: number }) =>
      c.total === 0 ? "   -  " : `${((100 * c.right) / c.total).toFixed(1).padStart(5)}%`;
    const lines = [`shape        ${FIELDS.map((f) => f.padStart(14)).join("")}`];
    for (const [shape, row] of [...byShape.entries()].sort())
      lines.push(
        `${shape.padEnd(12)} ${FIELDS.map((f) => `${pct(row[f])} (${row[f].total})`.padStart(14)).join("")}`,
      );
    lines.push(
      `${"all".padEnd(12)} ${FIELDS.map((f) => `${pct(total[f])} (${total[f].total})`.padStart(14)).join("")}`,
    );
    console.log(
      `Field accuracy over ${fixtures.length} fixtures (values counted where expected or reported):\n${lines.join("\n")}${misses.length ? `\nmisses:\n  ${misses.join("\n  ")}` : ""}`,
    );
    for (const f of FIELDS)
      expect(total[f].right / Math.max(1, total[f].total), f).toBeGreaterThanOrEqual(0.99);
  });
});
