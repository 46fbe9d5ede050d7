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

interface Template {
  /** The first print's masked values, by slot. */
  values: string[];
  /** Its result (a private copy). */
  result: Analysis;
  /** The result's matches hold no masked value: they are copied, not searched. */
  constantMatches: boolean;
}

/** A failure's text, as its template and its masked values. */
interface Masked {
  key: string;
  values: string[];
  /** Which slots are timestamps (their T-form is mapped too). */
  times: boolean[];
  /** Values left in the template as they are (they map to themselves). */
  literals: Set<string>;
}

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;

/** The GUIDs a catalog names (lower case): they are kept in the template, never masked. */
export function catalogGuids(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(PATTERNS.scanVariable)) out.add(m[0].toLowerCase());
  return out;
}

export class FailureMemo {
  private readonly templates = new Map<string, Template | null>();
  /** Prints answered from the memo, and prints parsed in full (for tests and benchmarks). */
  reused = 0;
  parsed = 0;

  constructor(private readonly keep: ReadonlySet<string>) {}

  /**
   * The analysis of `text`, from the memo when a trusted template matches, else from `compute` (whose
   * result may be recorded). `compute` returns undefined when the text cannot be read.
   */
  analyse(text: string, compute: (text: string) => Analysis | undefined): Analysis | undefined {
    const masked = text.length <= MAX_KEY_LENGTH ? this.mask(text) : undefined;
    if (!masked) return this.full(text, compute);
    const template = this.templates.get(masked.key);
    if (template === null) return this.full(text, compute);
    if (template === undefined) {
      const result = this.full(text, compute);
      if (this.templates.size >= MAX_TEMPLATES) return result;
      const matches = result ? JSON.stringify(result.matches) : "";
      const constantMatches = !this.hasValue(matches);
      // A cut in what carries the values (the parsed fields, the excerpt; the matches only when they
      // quote the text) could have cut one.
      const cut =
        !result ||
        result.excerpt.includes("…") ||
        JSON.stringify(result.parsed).includes("…") ||
        (!constantMatches && matches.includes("…"));
      if (cut) {
        this.templates.set(masked.key, null);
        return result;
      }
      this.templates.set(masked.key, {
        values: masked.values,
        result: copy(result, undefined, { ok: true }) as Analysis,
        constantMatches,
      });
      return result;
    }
    const map = valueMap(template.values, masked);
    const reused = map && this.reuse(template, map);
    if (!reused) return this.full(text, compute);
    this.reused++;
    return reused;
  }

  /** Does the text hold a GUID or timestamp other than one the catalog names. */
  private hasValue(text: string): boolean {
    for (const m of text.matchAll(PATTERNS.scanVariable)) if (!this.keep.has(m[0].toLowerCase())) return true;
    return false;
  }

  private full(text: string, compute: (text: string) => Analysis | undefined): Analysis | undefined {
    this.parsed++;
    return compute(text);
  }

  /** The template's result with this print's values in place, or undefined if a value has no mapping. */
  private reuse(template: Template, map: Map<string, string>): Analysis | undefined {
    const state = { ok: true, keep: this.keep };
    const { parsed, matches, excerpt } = template.result;
    const out: Analysis = {
      parsed: copy(parsed, map, state) as ParsedAuthError,
      matches: copy(matches, template.constantMatches ? undefined : map, state) as Match[],
      excerpt: copy(excerpt, map, state) as string,
    };
    return state.ok ? out : undefined;
  }

  /** The template of a text, or undefined when it must not be memoised. */
  private mask(text: string): Masked | undefined {
    const values: string[] = [];
    const times: boolean[] = [];
    const slots = new Map<string, number>();
    /** Per slot: the first slot equal to it when compared as the parser compares (GUIDs ignoring case, times by digits). */
    const classes = new Map<string, number>();
    const literals = new Set<string>();
    let key = "";
    let last = 0;
    for (const m of text.matchAll(PATTERNS.scanVariable)) {
      const value = m[0];
      const at = m.index ?? 0;
      const end = at + value.length;
      const time = value.charCodeAt(4) === 45; // `2026-…`; a GUID has a hex digit there
      const before = text.charCodeAt(at - 1);
      const after = text.charCodeAt(end);
      // A value inside a longer word, a placeholder or a GUID the catalog names stays as it is.
      const glued =
        isWordChar(before) || (time ? after === 46 || (after >= 48 && after <= 57) : isWordChar(after));
      if (glued || (!time && (this.keep.has(value.toLowerCase()) || placeholder(value)))) {
        literals.add(value);
        continue;
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
    }
    if (values.length === 0) return undefined;
    for (const l of literals) if (slots.has(l)) return undefined;
    key += text.slice(last);
    // A GUID cut short (a wrapped or truncated label) is compared with whole ones by prefix: not memoised.
    if (PATTERNS.guidStart.test(key)) return undefined;
    return { key, values, times, literals };
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

/** From the template's values to this print's: each value, and each timestamp's T-form. */
function valueMap(from: string[], { values: to, times, literals }: Masked): Map<string, string> | undefined {
  if (from.length !== to.length) return undefined;
  const map = new Map<string, string>();
  for (const l of literals) map.set(l, l);
  for (let i = 0; i < from.length; i++) map.set(from[i] as string, to[i] as string);
  for (let i = 0; i < from.length; i++) {
    if (!times[i]) continue;
    const a = (from[i] as string).replace(" ", "T");
    const b = (to[i] as string).replace(" ", "T");
    const known = map.get(a);
    if (known === undefined) map.set(a, b);
    else if (known !== b) return undefined;
  }
  return map;
}

/** A copy of plain data; with a map, every masked value in its strings is replaced (state.ok: all were known). */
function copy(
  value: unknown,
  map: Map<string, string> | undefined,
  state: { ok: boolean; keep?: ReadonlySet<string> },
): unknown {
  if (typeof value === "string") {
    if (!map || value.length < 19) return value;
    return value.replace(PATTERNS.scanVariable, (m) => {
      const to = map.get(m);
      if (to !== undefined) return to;
      if (state.keep?.has(m.toLowerCase())) return m;
      state.ok = false;
      return m;
    });
  }
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => copy(v, map, state));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = copy((value as Record<string, unknown>)[k], map, state);
  return out;
}
