/**
 * A fast form of `ParsedAuthErrorSchema.safeParse` for what the readers build, which is almost always
 * valid: the same checks, written out, and the same output (a fresh object with the schema's keys in the
 * schema's order, unknown keys dropped, nested objects and arrays copied). When any field fails, it
 * returns undefined and the caller asks zod, which says why. Zod took about a twelfth of each explain().
 *
 * The key order is read from the schema itself; a schema key this file has no check for turns the fast
 * path off (test/shape.test.ts fails then, so a new field gets its check here).
 */
import { ParsedAuthErrorSchema, SDKS } from "../schema.js";

/** What a check returns for a value the schema rejects. */
const INVALID: unique symbol = Symbol("invalid");
/** A field's check: the value zod would output for it, or INVALID. */
type Check = (value: unknown) => unknown;

const SDK_NAMES = new Set<unknown>(SDKS);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const text: Check = (v) => (typeof v === "string" ? v : INVALID);
const flag: Check = (v) => (typeof v === "boolean" ? v : INVALID);
/** A flag the schema only allows as `false` (statusReliable). */
const falseFlag: Check = (v) => (v === false ? v : INVALID);

/** One check per schema key: each accepts exactly what the schema's field accepts (or less). */
const CHECKS: Record<string, Check> = {
  credential: text,
  sdk: (v) => (SDK_NAMES.has(v) ? v : INVALID),
  host: text,
  runtime: (v) => (SDK_NAMES.has(v) ? v : INVALID),
  request: (v) =>
    isObject(v) && typeof v.method === "string" && typeof v.url === "string"
      ? { method: v.method, url: v.url }
      : INVALID,
  tenant: text,
  clientId: text,
  status: (v) => (Number.isSafeInteger(v) ? v : INVALID),
  statusText: text,
  statusReliable: falseFlag,
  error: text,
  errorDescription: text,
  message: text,
  codes: (v) => (Array.isArray(v) && v.every((c) => Number.isSafeInteger(c)) ? [...v] : INVALID),
  traceId: text,
  correlationId: text,
  timestamp: text,
  timestampText: text,
  errorUri: text,
  suberror: text,
  claims: text,
  serviceError: (v) => {
    if (!isObject(v) || typeof v.code !== "string") return INVALID;
    if (!("message" in v)) return { code: v.code };
    if (v.message !== undefined && typeof v.message !== "string") return INVALID;
    return { code: v.code, message: v.message };
  },
  troubleshootingUrl: text,
  exception: text,
  command: text,
  cmdlet: text,
  conflicts: (v) => {
    if (!Array.isArray(v)) return INVALID;
    const out: unknown[] = [];
    for (const c of v) {
      if (!isObject(c) || typeof c.field !== "string" || !Array.isArray(c.values)) return INVALID;
      if (!c.values.every((s) => typeof s === "string")) return INVALID;
      out.push({ field: c.field, values: [...c.values] });
    }
    return out;
  },
  chain: (v) => {
    if (!Array.isArray(v)) return INVALID;
    const out: unknown[] = [];
    for (const m of v) {
      const copy = checkedCopy(m);
      if (copy === undefined) return INVALID;
      out.push(copy);
    }
    return out;
  },
  redacted: flag,
  truncated: flag,
};

/** The fields that are flags (booleans); every other scalar field is text or a number. */
export const FLAG_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(CHECKS).filter((k) => CHECKS[k] === flag || CHECKS[k] === falseFlag),
);

/** The schema's keys, in its order (the order of zod's output). */
const KEYS: readonly string[] = Object.keys(ParsedAuthErrorSchema.shape);
/** The one key the schema requires. */
const REQUIRED = "codes";

/** True when every schema key has a check here and every check is for a schema key. */
export const FAST_SHAPE =
  KEYS.length === Object.keys(CHECKS).length && KEYS.every((k) => CHECKS[k] !== undefined);

/**
 * What `ParsedAuthErrorSchema.safeParse(value).data` would be, or undefined when a field fails (or the
 * fast path is off): then ask zod.
 */
export function checkedCopy(value: unknown): Record<string, unknown> | undefined {
  if (!FAST_SHAPE || !isObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    // Like zod: an optional key that is absent stays absent; present but undefined stays undefined.
    if (!(key in value)) {
      if (key === REQUIRED) return undefined;
      continue;
    }
    const v = value[key];
    if (v === undefined) {
      if (key === REQUIRED) return undefined;
      out[key] = undefined;
      continue;
    }
    const checked = (CHECKS[key] as Check)(v);
    if (checked === INVALID) return undefined;
    out[key] = checked;
  }
  return out;
}
