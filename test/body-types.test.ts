/**
 * hasBodyTypes (src/parse/json-body.ts) stands in for EntraErrorBodySchema when a body's fields already
 * have the schema's types: it must never accept a value the schema rejects, and the value it accepts must
 * read as the schema's output does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasBodyTypes } from "../src/parse/json-body.js";
import { EntraErrorBodySchema } from "../src/schema.js";

// Every field the schema knows (so a field added to it is tried here too), and one it does not.
const KEYS = [...Object.keys(EntraErrorBodySchema.shape), "message"];

const anyValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);

describe("hasBodyTypes agrees with EntraErrorBodySchema", () => {
  it("on bodies with fields of every type", () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(
            KEYS.map((k) => [
              k,
              // Mostly the field's own type, so that many bodies pass; now and then anything.
              fc.oneof(
                {
                  weight: 12,
                  arbitrary:
                    k === "error_codes"
                      ? fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 })
                      : fc.string(),
                },
                { weight: 1, arbitrary: anyValue },
              ),
            ]),
          ),
          { requiredKeys: [] },
        ),
        (v) => {
          const body = v as Record<string, unknown>;
          const zod = EntraErrorBodySchema.safeParse(body);
          if (hasBodyTypes(body)) {
            accepted++;
            expect(zod.success).toBe(true);
            if (zod.success) for (const k of KEYS) expect(body[k]).toEqual(zod.data[k]);
          } else expect(zod.success).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it("on a token endpoint's body", () => {
    const body = JSON.parse(
      '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215],"timestamp":"2026-01-02 03:04:05Z","trace_id":"0a1b2c3d-0000-4000-8000-00000000000a","correlation_id":"0a1b2c3d-0000-4000-8000-00000000000b"}',
    );
    expect(hasBodyTypes(body)).toBe(true);
    expect(hasBodyTypes({ ...body, error_codes: [Number.POSITIVE_INFINITY] })).toBe(false);
    expect(hasBodyTypes({ ...body, trace_id: 42 })).toBe(false);
  });
});
