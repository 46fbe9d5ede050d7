/**
 * scan()'s memo: a log repeats one kind of failure thousands of times, each print with its own IDs and
 * times. A failure's text with its GUIDs and timestamps masked is its template; the parse and match of
 * one print of a template are reused for the next, with the masked values of the new print put back in
 * place of the old ones. It is exact, not a guess:
 *
 * - only values the parser copies and compares but never reads the meaning of are masked: whole GUIDs
 *   (not the placeholder ones such as all zeros, not one the catalog names: a cause can depend on a
 *   client ID) and dates with times of day; codes, statuses, words and quoted values stay in the template;
 * - the template keeps the shape of each value (a timestamp's format, a GUID's letter case) and which
 *   values are equal to which (trace ID = correlation ID, the body's timestamp = the description's), so
 *   what the parser compares is the same for every print of one template;
 * - what the parser cuts (a long message, the excerpt) could cut a value in two, and half a value cannot
 *   be put back: a template whose result holds a cut (`…`) is not kept;
 * - a text with a GUID cut short, or a value found in the result that was not in the text, is parsed
 *   in full.
 * test/scan-memo.test.ts checks it hit for hit against scans without the memo.
 */
import type { Match, ParsedAuthError } from "../schema.js";

/** What the hit stage computes for one failure's text. */
export interface Analysis {
  parsed: ParsedAuthError;
  matches: Match[];
  excerpt: string;
}

/** Longest failure text that is memoised (longer ones are rare and are parsed in full). */
const MAX_KEY_LENGTH = 16_384;
/** Most templates kept; past it, new templates are parsed in full (memory stays bounded). */
const MAX_TEMPLATES = 2_048;

/**
 * A string of a template's result with masked values in it: the pieces between them, and for each value
 * its slot times two, plus one for a timestamp's T-form (`2026-11-01T00:00:01` for `2026-11-01 00:00:01`).
 */
export class Hole {
  constructor(
    readonly pieces: string[],
    readonly refs: number[],
  ) {}
}

export interface Template {
  /** The first print's result, with a Hole for every string that holds one of its values. */
  result: unknown;
  /** How to copy the result (made at the template's first reuse). */
  plan?: CopyPlan;
  /** The matches hold none of the print's values (they are the same for every print of the template). */
  constantMatches?: boolean;
  /** The parsed fields (top level) that hold a value, for a shared answer (made at its first use). */
  topHoles?: string[];
  /** The JSON of the result's parsed fields and excerpt, with holes (made at the template's first reuse). */
  json?: { parsed: Hole | string; excerpt: Hole | string } | null;
}

/** A reused print: its template and its values, enough to write its JSON without walking the result. */
export interface Reused {
  template: Template;
  values: string[];
  tValues: string[];
  /** The print the template was made from (parsed in full; its JSON can still be written from it). */
  first?: true;
}

/** A failure's text, as its template and its masked values. */
interface Masked {
  key: string;
  values: string[];
  /** Which slots are timestamps (their T-form is mapped too). */
  times: boolean[];
}

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);

/** A GUID (8-4-4-4-12 hex digits) at `at`. */
function guidAt(text: string, at: number): boolean {
  if (at + 36 > text.length) return false;
  for (let i = 0; i < 36; i++) {
    const c = text.charCodeAt(at + i);
    if (i === 8 || i === 13 || i === 18 || i === 23 ? c !== 45 : !isHex(c)) return false;
  }
  return true;
}

/**
 * The next dash at or after `from`: a dash right there (a run of them, as in a `-----` rule) is taken
 * without a call to indexOf.
 */
function nextDash(text: string, from: number): number {
  return text.charCodeAt(from) === 45 ? from : text.indexOf("-", from);
}

/**
 * Can the dash at `at` be the first dash of a GUID or a time (or of a GUID's start): a hex digit on each
 * side. Most dashes of a log (rules of dashes, list bullets, words) fail this at once.
 */
const mayStartValue = (text: string, at: number) =>
  isHex(text.charCodeAt(at + 1)) && isHex(text.charCodeAt(at - 1));

const TIME_SHAPE = "dddd-dd-dd?dd:dd:dd";

/** Where a date and time of day (`2026-11-01 00:00:01`, `T` too, and up to 9 fraction digits) at `at` ends; -1: none. */
function timeEnd(text: string, at: number): number {
  if (at + 19 > text.length) return -1;
  for (let i = 0; i < 19; i++) {
    const c = text.charCodeAt(at + i);
    const want = TIME_SHAPE.charCodeAt(i);
    if (want === 100 ? !isDigit(c) : want === 63 ? c !== 32 && c !== 84 : c !== want) return -1;
  }
  let end = at + 19;
  if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) {
    end++;
    const last = Math.min(text.length, end + 9);
    while (end < last && isDigit(text.charCodeAt(end))) end++;
  }
  return end;
}

/**
 * Every GUID and every date with a time of day in a text, left to right, none overlapping: what
 * `/HEX{8}-HEX{4}-HEX{4}-HEX{4}-HEX{12}|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?/g` finds
 * (a test checks it), found from the dashes (native indexOf) instead of trying a regex at every
 * character: on the catalog's 2 MB of text, 4 ms instead of 240 ms. `found(start, end, isTime)`.
 */
export function findValues(text: string, found: (start: number, end: number, time: boolean) => void): void {
  let from = 0;
  for (let dash = text.indexOf("-"); dash >= 0; ) {
    if (!mayStartValue(text, dash)) {
      dash = nextDash(text, dash + 1);
      continue;
    }
    // A match's first dash is at +8 (GUID) or +4 (time); one from a later dash cannot start earlier
    // without holding this dash where it needs a digit.
    const g = dash - 8;
    const t = dash - 4;
    let end = -1;
    let start = -1;
    let time = false;
    if (g >= from && guidAt(text, g)) {
      start = g;
      end = g + 36;
    } else if (t >= from) {
      end = timeEnd(text, t);
      if (end >= 0) {
        start = t;
        time = true;
      }
    }
    if (start < 0) {
      dash = nextDash(text, dash + 1);
      continue;
    }
    found(start, end, time);
    from = end;
    dash = text.indexOf("-", end);
  }
}

/** Add every GUID-shaped piece of `t` to `out` (lower case). */
function addGuids(t: string, out: Set<string>): void {
  // Every GUID-shaped piece, even one findValues would not report (inside a time's fraction): keeping
  // one GUID too many only leaves a text out of the memo. Each dash is tried as a GUID's first one, and
  // the other three dashes are checked before any hex digit.
  for (let d = t.indexOf("-", 8); d >= 0; d = nextDash(t, d + 1)) {
    if (t.charCodeAt(d + 5) !== 45 || t.charCodeAt(d + 10) !== 45 || t.charCodeAt(d + 15) !== 45) continue;
    if (guidAt(t, d - 8)) out.add(t.slice(d - 8, d + 28).toLowerCase());
  }
}

/** The GUIDs a catalog names (lower case), in its entries' JSON: they are kept in the template, never masked. */
export function catalogGuids(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) addGuids(t, out);
  return out;
}

export class FailureMemo {
  private readonly templates = new Map<string, Template | null>();
  /** Prints answered from the memo, and prints parsed in full (for tests and benchmarks). */
  reused = 0;
  parsed = 0;

  constructor(private readonly keep: ReadonlySet<string>) {}

  /**
   * The analysis of `text`, from the memo when its template is known, else from `compute` (whose result
   * is recorded). `compute` returns undefined when the text cannot be read.
   */
  analyse(
    text: string,
    compute: (text: string) => Analysis | undefined,
    reused?: (how: Reused) => void,
    shared = false,
  ): Analysis | undefined {
    const masked = text.length <= MAX_KEY_LENGTH ? this.mask(text) : undefined;
    if (!masked) return this.full(text, compute);
    const template = this.templates.get(masked.key);
    if (template === null) return this.full(text, compute);
    if (template !== undefined) {
      this.reused++;
      const tValues = tForms(masked);
      reused?.({ template, values: masked.values, tValues });
      // Shared only when the hit is sure to be written from the template's JSON, never by walking it.
      if (shared && template.constantMatches && templateJson(template) !== null)
        return sharedAnswer(template, masked.values, tValues);
      template.plan ??= planOf(template.result) as CopyPlan;
      return copy(template.plan, template.result, masked.values, tValues) as Analysis;
    }
    const result = this.full(text, compute);
    if (this.templates.size < MAX_TEMPLATES) {
      const made = this.compile(result, masked);
      this.templates.set(masked.key, made);
      if (made) reused?.({ template: made, values: masked.values, tValues: tForms(masked), first: true });
    }
    return result;
  }

  private full(text: string, compute: (text: string) => Analysis | undefined): Analysis | undefined {
    this.parsed++;
    return compute(text);
  }

  /**
   * The template of a first print's result: its strings with the print's values made holes. Null (parse
   * every print in full) when the result holds a value that is not one of the text's, or a cut (`…`)
   * where values are: what the parser cut short, a value could have been cut in two.
   */
  private compile(result: Analysis | undefined, masked: Masked): Template | null {
    if (!result) return null;
    const refs = new Map<string, number>();
    const { values, times } = masked;
    for (let i = 0; i < values.length; i++) refs.set(values[i] as string, 2 * i);
    for (let i = 0; i < values.length; i++) {
      if (!times[i]) continue;
      const t = (values[i] as string).replace(" ", "T");
      if (!refs.has(t)) refs.set(t, 2 * i + 1);
    }
    const state = { ok: true, holes: 0, cut: false };
    const parsed = holes(result.parsed, refs, this.keep, state);
    const excerpt = holes(result.excerpt, refs, this.keep, state);
    // A cut in what carries the values (the parsed fields, the excerpt; the matches only when they hold
    // one) could have cut one.
    if (!state.ok || state.cut) return null;
    // The matches usually hold no value at all; their copy says (a value the text does not hold, and is
    // not one the catalog names, leaves the template out, as in the parsed fields).
    const before = state.holes;
    const matches = holes(result.matches, refs, this.keep, state);
    if (!state.ok) return null;
    if (state.holes > before) return state.cut ? null : { result: { parsed, matches, excerpt } };
    return { result: { parsed, matches, excerpt }, constantMatches: true };
  }

  /**
   * The template of a text, or undefined when it must not be memoised. One pass over the text's dashes
   * (findValues' walk, inlined), with no regex and no string built per value but the value itself.
   */
  private mask(text: string): Masked | undefined {
    const values: string[] = [];
    const times: boolean[] = [];
    /** Per slot: the slot's value as the parser compares it (GUIDs ignoring case, times by their digits). */
    const compared: string[] = [];
    let literals: string[] | undefined;
    const key: Array<string | number> = [];
    let last = 0;
    let from = 0;
    const n = text.length;
    for (let dash = text.indexOf("-"); dash >= 0; ) {
      if (!mayStartValue(text, dash)) {
        dash = nextDash(text, dash + 1);
        continue;
      }
      // As findValues: a match's first dash is at +8 (GUID) or +4 (time).
      const g = dash - 8;
      const t = dash - 4;
      let start = -1;
      let end = -1;
      let time = false;
      if (g >= from && guidAt(text, g)) {
        start = g;
        end = g + 36;
      } else if (t >= from) {
        end = timeEnd(text, t);
        if (end >= 0) {
          start = t;
          time = true;
        }
      }
      if (start < 0) {
        dash = nextDash(text, dash + 1);
        continue;
      }
      from = end;
      dash = end < n ? text.indexOf("-", end) : -1;
      const value = text.slice(start, end);
      const before = start > 0 ? text.charCodeAt(start - 1) : -1;
      const after = end < n ? text.charCodeAt(end) : -1;
      // A value inside a longer word, a placeholder or a GUID the catalog names stays as it is.
      let glued = isWordChar(before) || (time ? after === 46 || isDigit(after) : isWordChar(after));
      let shape: string;
      let same: string;
      if (time) {
        // The shape: the separator before the time of day and the fraction's length (the rest is fixed).
        shape = `${value[10]}${end - start - 19}`;
        same = `t${value.slice(0, 10)}${value.slice(11)}`;
      } else {
        let lower = false;
        let upper = false;
        for (let i = 0; i < 36; i++) {
          const c = text.charCodeAt(start + i);
          if (c >= 97) lower = true;
          else if (c >= 65) upper = true;
        }
        const folded = upper ? value.toLowerCase() : value;
        if (!glued && (this.keep.has(folded) || placeholder(value))) glued = true;
        shape = lower && upper ? "m" : upper ? "u" : "l";
        same = `g${folded}`;
      }
      if (glued) {
        if (!time) return undefined; // every GUID of a memoised text is a slot
        literals ??= [];
        literals.push(value);
        continue;
      }
      let slot = values.indexOf(value);
      if (slot < 0) {
        slot = values.length;
        values.push(value);
        times.push(time);
        compared.push(same);
      }
      const first = compared.indexOf(same);
      if (hasGuidStart(text, last, start)) return undefined;
      key.push(text.slice(last, start), "\u0000", slot, ".", first, ".", shape, "\u0000");
      last = end;
    }
    if (values.length === 0) return undefined;
    if (literals) for (const l of literals) if (values.includes(l)) return undefined;
    // A GUID cut short (a wrapped or truncated label) is compared with whole ones by prefix: not memoised.
    if (hasGuidStart(text, last, n)) return undefined;
    key.push(text.slice(last));
    // One join: a flat string made at once, where `+=` would leave a rope to flatten for the lookup.
    return { key: key.join(""), values, times };
  }
}

/**
 * Does text[from, to) hold the start of a GUID (8 hex digits, a dash, 4 hex digits): what
 * `PATTERNS.guidStart` finds in the text between a template's masked values.
 */
export function hasGuidStart(text: string, from: number, to: number): boolean {
  for (let d = text.indexOf("-", from + 8); d >= 0 && d + 5 <= to; d = nextDash(text, d + 1)) {
    if (!mayStartValue(text, d)) continue;
    let ok = true;
    for (let i = d - 8; ok && i < d; i++) ok = isHex(text.charCodeAt(i));
    for (let i = d + 1; ok && i <= d + 4; i++) ok = isHex(text.charCodeAt(i));
    if (ok) return true;
  }
  return false;
}

/** One hex digit repeated (all zeros, ffff…): a placeholder the parser rejects as an ID. */
function placeholder(guid: string): boolean {
  const first = guid.charCodeAt(0) | 32;
  for (let i = 1; i < guid.length; i++) {
    const c = guid.charCodeAt(i);
    if (c !== 45 && (c | 32) !== first) return false;
  }
  return true;
}

/** Each slot's T-form (only timestamps have one that differs: with no time, the values themselves). */
function tForms({ values, times }: Masked): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    if (!times[i] || v.charCodeAt(10) !== 32) continue;
    out ??= values.slice();
    out[i] = `${v.slice(0, 10)}T${v.slice(11)}`;
  }
  return out ?? values;
}

/**
 * Plain data with its strings' values made Holes (state.ok false: a value not in the text; state.cut: a
 * string or a key holds a `…`, which is all that JSON.stringify's text of it could hold one in).
 */
function holes(
  value: unknown,
  refs: Map<string, number>,
  keep: ReadonlySet<string>,
  state: { ok: boolean; holes: number; cut: boolean },
): unknown {
  if (typeof value === "string") {
    if (!state.cut && value.includes("…")) state.cut = true;
    const pieces: string[] = [];
    const at: number[] = [];
    let last = 0;
    findValues(value, (start, end) => {
      const v = value.slice(start, end);
      const ref = refs.get(v);
      if (ref === undefined) {
        if (!keep.has(v.toLowerCase())) state.ok = false;
        return;
      }
      pieces.push(value.slice(last, start));
      at.push(ref);
      last = end;
    });
    if (at.length === 0) return value;
    state.holes++;
    pieces.push(value.slice(last));
    return new Hole(pieces, at);
  }
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => holes(v, refs, keep, state));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    if (!state.cut && k.includes("…")) state.cut = true;
    out[k] = holes((value as Record<string, unknown>)[k], refs, keep, state);
  }
  return out;
}

/**
 * A print's answer that shares what it can with its template, for a reader that only reads it: its own
 * parsed object with its top-level fields filled in (nested objects are the template's, holes and all),
 * the template's matches (they hold no value), its excerpt filled in.
 */
function sharedAnswer(template: Template, values: string[], tValues: string[]): Analysis {
  const result = template.result as {
    parsed: Record<string, unknown>;
    matches: Match[];
    excerpt: Hole | string;
  };
  const src = result.parsed;
  if (!template.topHoles) template.topHoles = Object.keys(src).filter((k) => src[k] instanceof Hole);
  const parsed: Record<string, unknown> = { ...src };
  for (const k of template.topHoles) parsed[k] = fillHole(src[k] as Hole, values, tValues);
  return {
    parsed: parsed as ParsedAuthError,
    matches: result.matches,
    excerpt: fillText(result.excerpt, values, tValues),
  };
}

/** A Hole's string with this print's values put in. */
function fillHole({ pieces, refs }: Hole, values: string[], tValues: string[]): string {
  let out = pieces[0] as string;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i] as number;
    out += ((r & 1 ? tValues : values)[r >> 1] as string) + (pieces[i + 1] as string);
  }
  return out;
}

/**
 * How to copy one object or array of a template: copied whole at once (spread, slice: native and fast),
 * then each of its members that is itself an object, an array or a Hole is replaced by its own copy.
 */
class CopyPlan {
  constructor(
    readonly array: boolean,
    readonly keys: Array<string | number>,
    readonly plans: Array<CopyPlan | Hole>,
  ) {}
}

/** The copy plan of a template value (undefined: a primitive, used as it is). */
function planOf(value: unknown): CopyPlan | Hole | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (value instanceof Hole) return value;
  const keys: Array<string | number> = [];
  const plans: Array<CopyPlan | Hole> = [];
  const array = Array.isArray(value);
  const names: Array<string | number> = array ? [...(value as unknown[]).keys()] : Object.keys(value);
  for (const k of names) {
    const plan = planOf((value as Record<string | number, unknown>)[k]);
    if (plan === undefined) continue;
    keys.push(k);
    plans.push(plan);
  }
  return new CopyPlan(array, keys, plans);
}

/** A fresh copy of a template value by its plan, its holes filled with this print's values. */
function copy(plan: CopyPlan | Hole, value: unknown, values: string[], tValues: string[]): unknown {
  if (plan instanceof Hole) return fillHole(plan, values, tValues);
  const out = (plan.array ? (value as unknown[]).slice() : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const { keys, plans } = plan;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string | number;
    out[k] = copy(
      plans[i] as CopyPlan | Hole,
      (value as Record<string | number, unknown>)[k],
      values,
      tValues,
    );
  }
  return out;
}

/**
 * The JSON text of a reused print's parsed fields and excerpt: what `JSON.stringify` gives for them,
 * written from the template's JSON with the print's values put in (GUIDs and times need no escaping).
 * Undefined when the template holds something this writer does not cover (then JSON.stringify it).
 */
export function reusedJson({
  template,
  values,
  tValues,
}: Reused): { parsed: string; excerpt: string } | undefined {
  const json = templateJson(template);
  if (json === null) return undefined;
  return { parsed: fillText(json.parsed, values, tValues), excerpt: fillText(json.excerpt, values, tValues) };
}

/** A template's JSON (made at its first use), or null when JsonWriter cannot write it. */
export function templateJson(template: Template): { parsed: Hole | string; excerpt: Hole | string } | null {
  if (template.json === undefined) {
    const { parsed, excerpt } = template.result as { parsed: unknown; excerpt: unknown };
    const p = new JsonWriter();
    const e = new JsonWriter();
    template.json = p.value(parsed) && e.value(excerpt) ? { parsed: p.done(), excerpt: e.done() } : null;
  }
  return template.json;
}

function fillText(text: Hole | string, values: string[], tValues: string[]): string {
  return typeof text === "string" ? text : fillHole(text, values, tValues);
}

/** Writes plain data as JSON the way JSON.stringify does, Holes as strings with holes. */
class JsonWriter {
  private readonly pieces: string[] = [];
  private readonly refs: number[] = [];
  private text = "";

  /** Write a value; false when it is something JSON.stringify treats specially (toJSON, a bigint). */
  value(v: unknown): boolean {
    if (v instanceof Hole) {
      this.text += '"';
      for (let i = 0; i < v.refs.length; i++) {
        this.text += JSON.stringify(v.pieces[i]).slice(1, -1);
        this.pieces.push(this.text);
        this.refs.push(v.refs[i] as number);
        this.text = "";
      }
      this.text += `${JSON.stringify(v.pieces[v.refs.length]).slice(1, -1)}"`;
      return true;
    }
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) {
      this.text += JSON.stringify(v);
      return true;
    }
    if (typeof v !== "object" || typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
    if (Array.isArray(v)) {
      this.text += "[";
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.text += ",";
        const item = v[i];
        if (item === undefined || typeof item === "function" || typeof item === "symbol") this.text += "null";
        else if (!this.value(item)) return false;
      }
      this.text += "]";
      return true;
    }
    this.text += "{";
    let first = true;
    for (const k of Object.keys(v)) {
      const item = (v as Record<string, unknown>)[k];
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      this.text += `${first ? "" : ","}${JSON.stringify(k)}:`;
      first = false;
      if (!this.value(item)) return false;
    }
    this.text += "}";
    return true;
  }

  done(): Hole | string {
    if (this.refs.length === 0) return this.text;
    return new Hole([...this.pieces, this.text], this.refs);
  }
}
