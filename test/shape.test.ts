import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../src/parse/index.js";
import { checkedCopy, FAST_SHAPE, FLAG_FIELDS } from "../src/parse/shape.js";
import { ParsedAuthErrorSchema, SDKS } from "../src/schema.js";
import { loadFixtures } from "./helpers/fixtures.js";

/** JSON with every object's keys in their own order: equal only when zod's key order is kept too. */
const exact = (v: unknown) => JSON.stringify(v, (_k, x) => (x === undefined ? "<undefined>" : x));

/** A value of any of the kinds the schema's fields take, valid for some fields and not for others. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...SDKS, "cobol"),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 600 }),
  fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60),
  fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant("7"), fc.constant(1.5)), { maxLength: 3 }),
  fc.record(
    { method: fc.constantFrom("GET", 3), url: fc.constantFrom("https://x", undefined), extra: fc.nat() },
    { requiredKeys: [] },
  ),
  fc.record(
    { code: fc.constantFrom("Forbidden", 1), message: fc.constantFrom("m", undefined, 2) },
    { requiredKeys: [] },
  ),
  fc.array(
    fc.record(
      { field: fc.constantFrom("traceId", 5), values: fc.array(fc.constantFrom("a", 1), { maxLength: 2 }) },
      { requiredKeys: [] },
    ),
    { maxLength: 2 },
  ),
);

const KEYS = Object.keys(ParsedAuthErrorSchema.shape);

/** An object with some schema keys (in a random order), some unknown keys, and values of any kind. */
const candidate: fc.Arbitrary<Record<string, unknown>> = fc
  .array(fc.tuple(fc.constantFrom(...KEYS, "extra", "score"), anyValue), { maxLength: 10 })
  .chain((pairs) =>
    fc
      .array(
        fc
          .array(fc.tuple(fc.constantFrom(...KEYS), anyValue), { maxLength: 4 })
          .map((p) => ({ codes: [], ...Object.fromEntries(p) })),
        { maxLength: 2 },
      )
      .map((chain) => {
        const o: Record<string, unknown> = Object.fromEntries(pairs);
        if (chain.length > 0 && !("chain" in o)) o.chain = chain;
        return o;
      }),
  );

describe("checkedCopy, the fast form of ParsedAuthErrorSchema.safeParse", () => {
  it("has a check for every key of the schema, so the fast path is on", () => {
    expect(FAST_SHAPE).toBe(true);
  });

  it("names as flags exactly the schema's fields that take false and not text", () => {
    const accepts = (key: string, value: unknown) =>
      ParsedAuthErrorSchema.safeParse({ codes: [], [key]: value }).success;
    const flags = Object.keys(ParsedAuthErrorSchema.shape).filter(
      (k) => accepts(k, false) && !accepts(k, "x"),
    );
    expect([...FLAG_FIELDS].sort()).toEqual(flags.sort());
    expect(flags.length).toBeGreaterThan(0);
  });

  it("gives zod's output, key order included, whenever it accepts, and accepts whatever zod accepts", () => {
    fc.assert(
      fc.property(candidate, (o) => {
        const zod = ParsedAuthErrorSchema.safeParse(o);
        const fast = checkedCopy(o);
        if (fast === undefined) expect(zod.success).toBe(false);
        else {
          expect(zod.success).toBe(true);
          expect(exact(fast)).toBe(exact(zod.data));
        }
        if (zod.success) expect(fast).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it("copies nested objects and arrays, as zod does, rather than sharing them", () => {
    const given = {
      codes: [7000215],
      request: { method: "POST", url: "https://login.microsoftonline.com/x/oauth2/v2.0/token", junk: 1 },
      conflicts: [{ field: "traceId", values: ["a", "b"] }],
      chain: [{ codes: [], credential: "AzureCliCredential" }],
      unknownKey: "dropped",
    };
    const fast = checkedCopy(given);
    expect(fast).toEqual(ParsedAuthErrorSchema.parse(given));
    expect(fast?.codes).not.toBe(given.codes);
    expect(fast?.request).not.toBe(given.request);
    expect((fast?.chain as unknown[] | undefined)?.[0]).not.toBe(given.chain[0]);
    expect(fast).not.toHaveProperty("unknownKey");
  });

  it("agrees with zod on what parse() returns for every fixture", () => {
    for (const { text } of loadFixtures()) {
      const parsed = parse(text);
      expect(exact(checkedCopy(parsed))).toBe(exact(ParsedAuthErrorSchema.parse(parsed)));
    }
  });
});
