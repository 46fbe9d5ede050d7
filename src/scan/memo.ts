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
import { PATTERNS } from "../patterns.js";
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
class Hole {
  constructor(
    readonly pieces: string[],
    readonly refs: number[],
  ) {}
}

interface Template {
  /** The first print's result, with a Hole for every string that holds one of its values. */
  result: unknown;
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
      dash = text.indexOf("-", dash + 1);
      continue;
    }
    found(start, end, time);
    from = end;
    dash = text.indexOf("-", end);
  }
}

/** The GUIDs a catalog names (lower case): they are kept in the template, never masked. */
export function catalogGuids(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts)
    findValues(t, (start, end, time) => {
      if (!time) out.add(t.slice(start, end).toLowerCase());
    });
  return out;
}

export class FailureMemo {
  private readonly templates = new Map<string, Template | null>();
  /** Compiled matches that hold no value, by their JSON: templates that differ in a log line's wording share them. */
  private readonly sharedMatches = new Map<string, unknown>();
  /** Prints answered from the memo, and prints parsed in full (for tests and benchmarks). */
  reused = 0;
  parsed = 0;

  constructor(private readonly keep: ReadonlySet<string>) {}

  /**
   * The analysis of `text`, from the memo when its template is known, else from `compute` (whose result
   * is recorded). `compute` returns undefined when the text cannot be read.
   */
  analyse(text: string, compute: (text: string) => Analysis | undefined): Analysis | undefined {
    const masked = text.length <= MAX_KEY_LENGTH ? this.mask(text) : undefined;
    if (!masked) return this.full(text, compute);
    const template = this.templates.get(masked.key);
    if (template === null) return this.full(text, compute);
    if (template !== undefined) {
      this.reused++;
      return fill(template.result, masked.values, tForms(masked)) as Analysis;
    }
    const result = this.full(text, compute);
    if (this.templates.size < MAX_TEMPLATES) this.templates.set(masked.key, this.compile(result, masked));
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
    const state = { ok: true, holes: 0 };
    const parsed = holes(result.parsed, refs, this.keep, state);
    const excerpt = holes(result.excerpt, refs, this.keep, state);
    const before = state.holes;
    const matches = holes(result.matches, refs, this.keep, state);
    // A cut in what carries the values (the parsed fields, the excerpt; the matches only when they hold
    // one) could have cut one.
    const cut =
      result.excerpt.includes("…") ||
      JSON.stringify(result.parsed).includes("…") ||
      (state.holes > before && JSON.stringify(result.matches).includes("…"));
    if (!state.ok || cut) return null;
    if (state.holes > before) return { result: { parsed, matches, excerpt } };
    const json = JSON.stringify(result.matches);
    let shared = this.sharedMatches.get(json);
    if (shared === undefined) {
      shared = matches;
      this.sharedMatches.set(json, shared);
    }
    return { result: { parsed, matches: shared, excerpt } };
  }

  /** The template of a text, or undefined when it must not be memoised. */
  private mask(text: string): Masked | undefined {
    const values: string[] = [];
    const times: boolean[] = [];
    const slots = new Map<string, number>();
    /** Per slot: the first slot equal to it when compared as the parser compares (GUIDs ignoring case, times by digits). */
    const classes = new Map<string, number>();
    const literals: string[] = [];
    let key = "";
    let last = 0;
    let literalGuid = false;
    findValues(text, (at, end, time) => {
      const value = text.slice(at, end);
      const before = text.charCodeAt(at - 1);
      const after = text.charCodeAt(end);
      // A value inside a longer word, a placeholder or a GUID the catalog names stays as it is.
      const glued = isWordChar(before) || (time ? after === 46 || isDigit(after) : isWordChar(after));
      if (glued || (!time && (this.keep.has(value.toLowerCase()) || placeholder(value)))) {
        literals.push(value);
        if (!time) literalGuid = true;
        return;
      }
      let slot = slots.get(value);
      if (slot === undefined) {
        slot = values.length;
        slots.set(value, slot);
        values.push(value);
        times.push(time);
      }
      const compared = time ? `t${value.replace(PATTERNS.digit, "")}` : `g${value.toLowerCase()}`;
      let same = classes.get(compared);
      if (same === undefined) {
        same = slot;
        classes.set(compared, slot);
      }
      const shape = time ? value.replace(PATTERNS.digit, "0") : caseOf(value);
      key += `${text.slice(last, at)}\u0000${slot}.${same}.${shape}\u0000`;
      last = end;
    });
    if (values.length === 0) return undefined;
    for (const l of literals) if (slots.has(l)) return undefined;
    key += text.slice(last);
    // A GUID cut short (a wrapped or truncated label) is compared with whole ones by prefix: not memoised.
    // Nor is one left as it is, so that every GUID of a memoised text is a slot.
    if (literalGuid || PATTERNS.guidStart.test(key)) return undefined;
    return { key, values, times };
  }
}

function caseOf(guid: string): string {
  const lower = guid !== guid.toUpperCase();
  const upper = guid !== guid.toLowerCase();
  return lower && upper ? "m" : upper ? "u" : "l";
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

/** Each slot's T-form (only timestamps have one that differs). */
function tForms({ values, times }: Masked): string[] {
  return values.map((v, i) => (times[i] ? v.replace(" ", "T") : v));
}

/** Plain data with its strings' values made Holes (state.ok false: a value not in the text; cut: a `…`). */
function holes(
  value: unknown,
  refs: Map<string, number>,
  keep: ReadonlySet<string>,
  state: { ok: boolean; holes: number },
): unknown {
  if (typeof value === "string") {
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
  for (const k of Object.keys(value))
    out[k] = holes((value as Record<string, unknown>)[k], refs, keep, state);
  return out;
}

/** A fresh copy of a template's result, its holes filled with this print's values. */
function fill(value: unknown, values: string[], tValues: string[]): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Hole) {
    const { pieces, refs } = value;
    let out = pieces[0] as string;
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i] as number;
      out += ((r & 1 ? tValues : values)[r >> 1] as string) + (pieces[i + 1] as string);
    }
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, values, tValues));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = fill((value as Record<string, unknown>)[k], values, tValues);
  return out;
}
