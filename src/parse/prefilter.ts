/**
 * Required literals of a regular expression, read from its source: a few strings such that every text
 * the pattern matches in contains at least one of them. A text with none of them cannot match, and a
 * native substring search says so far faster than the pattern can (the producers' markers cost about a
 * fifth of parse() when run over every text; most texts hold the literals of few of them).
 *
 * The reading is conservative: every construct it does not know exactly (a class of many characters, a
 * back-reference, an optional part) counts as "any text", which only weakens the answer. Lookarounds,
 * `^`, `$`, `\b` and `\B` match no characters. A pattern with the `i` flag, or a source this reader
 * cannot parse, has no required literals (undefined: always run the pattern).
 * test/prefilter.test.ts checks each use against the pattern itself on every fixture and corpus text.
 */

/** What is known about the texts a part of a pattern matches. */
interface Info {
  /** Every string the part can match, when they are few (else undefined). */
  exact?: string[];
  /** Strings one of which every match of the part contains (undefined: nothing known). */
  required?: string[];
  /** Strings one of which every match starts with, when the part's strings are not all known. */
  prefix?: string[];
  /** Strings one of which every match ends with, likewise. */
  suffix?: string[];
}

/** Most strings kept in one set (past this, a set is dropped): they are searched for in one pass, so a set may be large. */
const MAX_SET = 64;
/** Most characters a class may hold to count as its characters, not as "any character". */
const MAX_CLASS = 6;

const ANY: Info = {};
const EMPTY: Info = { exact: [""] };

/** Thrown on a construct the reader does not parse; the pattern then has no required literals. */
class Unsupported extends Error {}

/**
 * The required literals of `re`, or undefined when none are known (then the pattern must always run).
 * Every one is at least one character long.
 */
export function requiredLiterals(re: RegExp): string[] | undefined {
  if (re.flags.includes("i")) return undefined;
  return readLiterals(re, false);
}

/**
 * The required literals of a case-insensitive pattern (`i` flag), in lower case: every text the pattern
 * matches in holds one of them once lower-cased. Without the `u` flag, an ASCII letter of the pattern
 * matches only that letter in either case, and lower-casing a text keeps its ASCII characters where they
 * are (next to each other); a character of the pattern outside ASCII counts as unknown. Undefined for a
 * pattern without the `i` flag (see requiredLiterals) or with none known.
 */
export function requiredFoldedLiterals(re: RegExp): string[] | undefined {
  if (!re.flags.includes("i")) return undefined;
  return readLiterals(re, true);
}

function readLiterals(re: RegExp, ignoreCase: boolean): string[] | undefined {
  if (re.flags.includes("u") || re.flags.includes("v")) return undefined;
  try {
    const reader = new Reader(re.source, ignoreCase);
    const info = reader.disjunction();
    if (!reader.done()) return undefined;
    return best(info);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** The shortest string of a set (0 when it holds "", which every text contains). */
const shortest = (set: readonly string[]) => Math.min(...set.map((s) => s.length));

/** The more selective of what is known: the set whose shortest string is longest, then the smaller set. */
function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  const usable = (s: string[] | undefined) =>
    s && s.length > 0 && s.length <= MAX_SET && shortest(s) > 0 ? s : undefined;
  const x = usable(a);
  const y = usable(b);
  if (!x) return y;
  if (!y) return x;
  const dx = shortest(x);
  const dy = shortest(y);
  if (dx !== dy) return dx > dy ? x : y;
  return y.length < x.length ? y : x;
}

const best = (info: Info) => better(info.exact, info.required);

/** Every concatenation of one string of `a` with one of `b`, or undefined past MAX_SET. */
function cross(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length * b.length > MAX_SET) return undefined;
  // Every set here holds distinct strings, so with one string on either side the concatenations are
  // distinct too: no Set is needed (a literal's characters are joined one at a time this way).
  if (b.length === 1) {
    const y = b[0] as string;
    return a.map((x) => x + y);
  }
  if (a.length === 1) {
    const x = a[0] as string;
    return b.map((y) => x + y);
  }
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

function union(sets: readonly (readonly string[])[]): string[] | undefined {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out.size <= MAX_SET ? [...out] : undefined;
}

const prefixOf = (info: Info) => info.exact ?? info.prefix;
const suffixOf = (info: Info) => info.exact ?? info.suffix;

/**
 * A sequence: a run of parts whose strings are known gives their concatenations, extended by the end
 * of the part before it and the start of the part after it where those are known (`"(https?://…` gives
 * `"https://` and `"http://`); the best set found is required.
 */
function sequence(items: readonly Info[]): Info {
  let run: string[] = [""];
  let lead: string[] | undefined;
  let whole = true;
  let required: string[] | undefined;
  let prefix: string[] | undefined;
  /** The run with what surrounds it, where that keeps the set small enough. */
  const around = (after: string[] | undefined) => {
    let set = run;
    if (lead) set = cross(lead, set) ?? set;
    if (after) set = cross(set, after) ?? set;
    return set;
  };
  for (const item of items) {
    const joined = item.exact ? cross(run, item.exact) : undefined;
    if (joined) {
      run = joined;
      continue;
    }
    // The run ends here: it is required, as is what the item requires.
    const start = prefixOf(item);
    if (whole) prefix = lead === undefined && start ? (cross(run, start) ?? run) : run;
    whole = false;
    required = better(required, around(start));
    required = better(required, best(item));
    lead = item.exact ? undefined : item.suffix;
    run = item.exact ?? [""];
  }
  if (whole) return { exact: run, ...(better(undefined, run) ? { required: run } : {}) };
  required = better(required, around(undefined));
  const suffix = lead ? (cross(lead, run) ?? run) : run;
  return {
    ...(required ? { required } : {}),
    ...(prefix && shortest(prefix) > 0 ? { prefix } : {}),
    ...(shortest(suffix) > 0 ? { suffix } : {}),
  };
}

/** Alternatives: a match of the whole is a match of one of them. */
function alternatives(alts: readonly Info[]): Info {
  if (alts.length === 1) return alts[0] as Info;
  const all = (get: (a: Info) => string[] | undefined) => {
    const sets = alts.map(get);
    return sets.every((x) => x) ? union(sets as string[][]) : undefined;
  };
  const exact = all((a) => a.exact);
  if (exact) return { exact, ...(better(undefined, exact) ? { required: exact } : {}) };
  const required = all(best);
  const prefix = all(prefixOf);
  const suffix = all(suffixOf);
  return {
    ...(required ? { required } : {}),
    ...(prefix ? { prefix } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

function repeated(item: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return item;
  if (min === 0) {
    const exact = max === 1 && item.exact ? union([item.exact, [""]]) : undefined;
    return exact ? { exact } : ANY;
  }
  // At least once: a match starts as the part's first match and ends as its last.
  const required = best(item);
  const prefix = prefixOf(item);
  const suffix = suffixOf(item);
  return {
    ...(required ? { required } : {}),
    ...(prefix ? { prefix } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

/** A recursive-descent reader of the pattern syntax without the `u` flag (Annex B). */
class Reader {
  private at = 0;
  constructor(
    private readonly src: string,
    private readonly ignoreCase = false,
  ) {}

  /**
   * A character of the pattern as it stands in a text that every match of it lies in: itself, or with
   * the `i` flag its lower case when it is ASCII (undefined, unknown, for any other character then).
   */
  private fold(c: string): string | undefined {
    if (!this.ignoreCase) return c;
    return c.charCodeAt(0) < 128 ? c.toLowerCase() : undefined;
  }

  done(): boolean {
    return this.at >= this.src.length;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.at + offset];
  }

  disjunction(): Info {
    const alts = [this.alternative()];
    while (this.peek() === "|") {
      this.at++;
      alts.push(this.alternative());
    }
    return alternatives(alts);
  }

  private alternative(): Info {
    const items: Info[] = [];
    while (!this.done() && this.peek() !== "|" && this.peek() !== ")") {
      const item = this.term();
      // Two parts that each match one string make one part matching the two joined (what sequence()
      // would make of them): a literal's characters are then one part, not one per character.
      const last = items[items.length - 1];
      if (item.exact?.length === 1 && last?.exact?.length === 1)
        items[items.length - 1] = { exact: [(last.exact[0] as string) + (item.exact[0] as string)] };
      else items.push(item);
    }
    return items.length === 0 ? EMPTY : sequence(items);
  }

  private term(): Info {
    const c = this.peek() as string;
    if (c === "^" || c === "$") {
      this.at++;
      return EMPTY;
    }
    if (c === "\\" && (this.peek(1) === "b" || this.peek(1) === "B")) {
      this.at += 2;
      return EMPTY;
    }
    if (c === "(" && this.peek(1) === "?") {
      const kind = this.peek(2);
      const lookbehind = kind === "<" && (this.peek(3) === "=" || this.peek(3) === "!");
      if (kind === "=" || kind === "!" || lookbehind) {
        this.at += lookbehind ? 4 : 3;
        this.disjunction();
        this.expect(")");
        // A lookahead takes a quantifier in Annex B; it still matches no characters.
        this.quantifier();
        return EMPTY;
      }
    }
    const atom = this.atom();
    const q = this.quantifier();
    return q ? repeated(atom, q.min, q.max) : atom;
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw new Unsupported(`expected ${c} at ${this.at}`);
    this.at++;
  }

  /** A quantifier after an atom, if one follows: `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy. */
  private quantifier(): { min: number; max: number } | undefined {
    const c = this.peek();
    let q: { min: number; max: number } | undefined;
    if (c === "*") q = { min: 0, max: Number.POSITIVE_INFINITY };
    else if (c === "+") q = { min: 1, max: Number.POSITIVE_INFINITY };
    else if (c === "?") q = { min: 0, max: 1 };
    if (q) this.at++;
    else if (c === "{") {
      const braces = this.braces();
      if (!braces) return undefined;
      q = braces;
    } else return undefined;
    if (this.peek() === "?") this.at++;
    return q;
  }

  /** `{n}`, `{n,}` or `{n,m}` at the cursor (consumed), or undefined (then `{` is a literal character). */
  private braces(): { min: number; max: number } | undefined {
    let i = this.at + 1;
    const digits = () => {
      const from = i;
      while (i < this.src.length && (this.src[i] as string) >= "0" && (this.src[i] as string) <= "9") i++;
      return i > from ? Number(this.src.slice(from, i)) : undefined;
    };
    const min = digits();
    if (min === undefined) return undefined;
    let max = min;
    if (this.src[i] === ",") {
      i++;
      max = digits() ?? Number.POSITIVE_INFINITY;
    }
    if (this.src[i] !== "}") return undefined;
    this.at = i + 1;
    return { min, max };
  }

  private atom(): Info {
    const c = this.peek() as string;
    if (c === "(") {
      this.at++;
      if (this.peek() === "?") {
        if (this.peek(1) === ":") this.at += 2;
        else if (this.peek(1) === "<") {
          const close = this.src.indexOf(">", this.at);
          if (close < 0) throw new Unsupported("unterminated group name");
          this.at = close + 1;
        } else throw new Unsupported(`group (?${this.peek(1)}`);
      }
      const inner = this.disjunction();
      this.expect(")");
      return inner;
    }
    if (c === "[") return this.characterClass();
    if (c === ".") {
      this.at++;
      return ANY;
    }
    if (c === "\\") return this.escape();
    if (c === "*" || c === "+" || c === "?" || c === ")" || c === "|")
      throw new Unsupported(`unexpected ${c} at ${this.at}`);
    if (c === "{" && this.braces()) throw new Unsupported("quantifier without an atom");
    // Any other character, `{`, `}` and `]` included, stands for itself.
    this.at++;
    const f = this.fold(c);
    return f === undefined ? ANY : { exact: [f] };
  }

  /** An escape outside a class: a character, or a class (unknown characters), or a back-reference. */
  private escape(): Info {
    const ch = this.escapedCharacter(false);
    const f = ch === undefined ? undefined : this.fold(ch);
    return f === undefined ? ANY : { exact: [f] };
  }

  /**
   * The character an escape at the cursor stands for (consumed), or undefined for a class escape
   * (`\d`, `\w`, `\s` and their negations), a back-reference, or a named reference.
   */
  private escapedCharacter(inClass: boolean): string | undefined {
    this.at++; // the backslash
    const e = this.peek();
    if (e === undefined) throw new Unsupported("pattern ends in a backslash");
    this.at++;
    switch (e) {
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
        return undefined;
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case "v":
        return "\v";
      case "f":
        return "\f";
      case "b":
        if (inClass) return "\b";
        throw new Unsupported("\\b outside a class is an assertion");
      case "x":
      case "u": {
        const size = e === "x" ? 2 : 4;
        const hex = this.src.slice(this.at, this.at + size);
        const value = hex.length === size ? Number.parseInt(hex, 16) : Number.NaN;
        if (Number.isNaN(value) || value.toString(16).padStart(size, "0") !== hex.toLowerCase())
          throw new Unsupported(`\\${e}${hex}`);
        this.at += size;
        return String.fromCharCode(value);
      }
      case "c":
      case "k":
      case "p":
      case "P":
        throw new Unsupported(`\\${e}`);
      default:
        if (e >= "0" && e <= "9") {
          // \0 (not followed by a digit) is NUL; any other digit is a back-reference or an octal escape.
          if (e === "0" && !((this.peek() ?? "") >= "0" && (this.peek() ?? "") <= "9")) return "\0";
          if (inClass) throw new Unsupported("octal escape in a class");
          while ((this.peek() ?? "") >= "0" && (this.peek() ?? "") <= "9") this.at++;
          return undefined;
        }
        return e;
    }
  }

  /** `[…]`: its characters when it is not negated and holds at most MAX_CLASS of them, else unknown. */
  private characterClass(): Info {
    this.at++; // [
    const negated = this.peek() === "^";
    if (negated) this.at++;
    const chars = new Set<string>();
    let known = !negated;
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new Unsupported("unterminated class");
      if (c === "]" && !first) break;
      if (c === "]") throw new Unsupported("empty class");
      first = false;
      const from = this.classCharacter();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.at++;
        const to = this.classCharacter();
        if (from === undefined || to === undefined) throw new Unsupported("range with a class escape");
        const a = from.charCodeAt(0);
        const b = to.charCodeAt(0);
        if (a > b) throw new Unsupported("range out of order");
        if (b - a >= MAX_CLASS) known = false;
        else
          for (let x = a; x <= b; x++) {
            const f = this.fold(String.fromCharCode(x));
            if (f === undefined) known = false;
            else chars.add(f);
          }
      } else {
        const f = from === undefined ? undefined : this.fold(from);
        if (f === undefined) known = false;
        else chars.add(f);
      }
    }
    this.at++; // ]
    return known && chars.size > 0 && chars.size <= MAX_CLASS ? { exact: [...chars] } : ANY;
  }

  /** One character of a class (consumed), or undefined for a class escape. */
  private classCharacter(): string | undefined {
    const c = this.peek() as string;
    if (c === "\\") return this.escapedCharacter(true);
    this.at++;
    return c;
  }
}

/**
 * A pattern's literals as mayMatch checks them: those of three characters or more as their trigrams'
 * hashes (a count, then the hashes, for each), looked up in a table of the text's trigrams; shorter ones
 * as strings, searched for.
 */
interface Check {
  trigrams: Int32Array;
  short: readonly string[];
}

/** Each pattern's check (null: not checked), read once per pattern. */
const checked = new WeakMap<RegExp, Check | null>();
/** Most literals mayMatch looks for when some are too short for the trigram table: each is a search. */
const MAX_CHECKED = 4;
/** Shortest and longest piece of a literal that coverOf may look for in place of the literal. */
const MIN_PIECE = 3;
const MAX_PIECE = 12;

/**
 * At most `most` strings such that each of `literals` contains one of them (so a text that holds none
 * of them holds none of the literals), or undefined when no such few pieces of MIN_PIECE characters or
 * more are found. The literals themselves when they are few enough; else, greedily, the piece that the
 * most literals not yet covered contain (the longest at a tie), until every literal is covered.
 * `[" AADSTS", "\tAADSTS", " AADB2C", "\tAADB2C", "Error: (", "Exception: ("]` gives two pieces.
 */
export function coverOf(literals: readonly string[], most = MAX_CHECKED): string[] | undefined {
  if (literals.length <= most) return [...literals];
  let left = [...new Set(literals)];
  const out: string[] = [];
  while (left.length > 0) {
    if (out.length === most) return undefined;
    const count = new Map<string, number>();
    for (const l of left) {
      const pieces = new Set<string>();
      for (let i = 0; i + MIN_PIECE <= l.length; i++)
        for (let j = i + MIN_PIECE; j <= Math.min(l.length, i + MAX_PIECE); j++) pieces.add(l.slice(i, j));
      for (const p of pieces) count.set(p, (count.get(p) ?? 0) + 1);
    }
    let best: string | undefined;
    let bestCount = 0;
    for (const [p, n] of count)
      if (n > bestCount || (n === bestCount && p.length > (best as string).length)) {
        best = p;
        bestCount = n;
      }
    // A literal shorter than MIN_PIECE has no piece: it cannot be covered.
    if (best === undefined) return undefined;
    out.push(best);
    left = left.filter((l) => !l.includes(best));
  }
  return out;
}

/**
 * The literals to check for a pattern: all of them when each has a trigram (lookups cost little, so a
 * long list is fine); else a few pieces that cover them (coverOf), or none.
 */
function checkOf(re: RegExp): Check | null {
  let check = checked.get(re);
  if (check === undefined) {
    const read = re.flags.includes("i") ? requiredFoldedLiterals(re) : requiredLiterals(re);
    const literals = read && (read.every((l) => l.length >= 3) ? read : coverOf(read));
    check = literals
      ? {
          trigrams: trigramList(literals.filter((l) => l.length >= 3)),
          short: literals.filter((l) => l.length < 3),
        }
      : null;
    checked.set(re, check);
  }
  return check;
}

/**
 * Bits of a trigram's hash. A text of a thousand characters marks about a thousand cells: in a table of
 * 4,096 cells (12 bits) a quarter of them, so a literal that shares all but one trigram with the text
 * (`\tCorrelation ID:` beside `Correlation ID:`) was taken as present one time in four, and its pattern
 * ran for nothing (the guide's example ran the sign-in page's whole marker alternation that way). At
 * 65,536 cells (64 KiB, still within the second-level cache) that chance is under 2%. The table is never
 * cleared per text (see stamp), so its size costs nothing per call.
 */
const TRIGRAM_BITS = 16;
const trigram = (a: number, b: number, c: number) =>
  Math.imul((a << 16) ^ (b << 8) ^ c, 0x9e3779b1) >>> (32 - TRIGRAM_BITS);

function trigramsOf(literal: string): number[] {
  const out: number[] = [];
  for (let i = 2; i < literal.length; i++)
    out.push(trigram(literal.charCodeAt(i - 2), literal.charCodeAt(i - 1), literal.charCodeAt(i)));
  return out;
}

/**
 * The trigrams of a text: seen[hash] === stamp when the text holds a trigram with that hash (two texts
 * hash into one cell only by chance, which makes a check say "may match": never wrong). Two tables, for
 * the two texts asked about last (a text and its lower case, in redact): a parse asks about one text
 * many times, and the table is made once per text for it. forgetTexts() empties both at the start of
 * each parse, so nothing is carried from one call to the next.
 */
interface TextTrigrams {
  text: string | undefined;
  seen: Uint8Array;
  stamp: number;
}
const tables: [TextTrigrams, TextTrigrams] = [
  { text: undefined, seen: new Uint8Array(1 << TRIGRAM_BITS), stamp: 0 },
  { text: undefined, seen: new Uint8Array(1 << TRIGRAM_BITS), stamp: 0 },
];

/** Forget the texts whose trigrams are kept (a parse, or redact, starts with this). */
export function forgetTexts(): void {
  tables[0].text = undefined;
  tables[1].text = undefined;
}

function trigramsOfText(text: string): TextTrigrams {
  const [a, b] = tables;
  if (a.text === text) return a;
  if (b.text === text) {
    // The last one asked about goes first.
    tables[0] = b;
    tables[1] = a;
    return b;
  }
  // The older table is reused for this text.
  b.stamp = (b.stamp + 1) & 0xff;
  if (b.stamp === 0) {
    b.seen.fill(0);
    b.stamp = 1;
  }
  const { seen, stamp } = b;
  let x = text.charCodeAt(0);
  let y = text.charCodeAt(1);
  for (let i = 2; i < text.length; i++) {
    const z = text.charCodeAt(i);
    seen[trigram(x, y, z)] = stamp;
    x = y;
    y = z;
  }
  b.text = text;
  tables[0] = b;
  tables[1] = a;
  return b;
}

/**
 * Literals of three characters or more as one list for holdsAnyOf, in groups: each group is a trigram
 * hash that every literal of the group holds (its key), the count of numbers that follow for the group,
 * then each literal as its count of trigrams and their hashes. A text without a group's key holds none of
 * its literals, so one lookup rules out the whole group: the 600 literals of the producers' markers make
 * about 100 groups, and a check on a text that holds few of them costs a lookup per group rather than one
 * per literal (what ruled out most of them before, at the same answer).
 *
 * Each literal's key is the one of its trigrams that the most literals of the list hold (its first such
 * at a tie), and literals with one key make a group, in the order the keys first come: one counting pass
 * and one grouping pass, cheap enough for the first check of a pattern (a greedy cover took several
 * times as long, for a few groups fewer).
 */
export function trigramList(literals: readonly string[]): Int32Array {
  const hashes = literals.map(trigramsOf);
  const out: number[] = [];
  // A literal too short for a trigram is in every text as far as the table can tell: a group whose key
  // is -1 (always looked into) holds it.
  if (hashes.some((h) => h.length === 0)) out.push(NO_KEY, 1, 0);
  // How many literals hold each trigram (a literal that holds one twice counts once: `last` is the
  // literal that counted it last).
  const count = new Map<number, number>();
  const last = new Map<number, number>();
  hashes.forEach((list, l) => {
    for (const h of list)
      if (last.get(h) !== l) {
        last.set(h, l);
        count.set(h, (count.get(h) ?? 0) + 1);
      }
  });
  const groups = new Map<number, number[]>();
  for (const list of hashes) {
    if (list.length === 0) continue;
    let key = list[0] as number;
    for (const h of list) if ((count.get(h) as number) > (count.get(key) as number)) key = h;
    const body = groups.get(key);
    if (body) body.push(list.length, ...list);
    else groups.set(key, [list.length, ...list]);
  }
  for (const [key, body] of groups) out.push(key, body.length, ...body);
  return Int32Array.from(out);
}

/** The key of trigramList's group of literals shorter than a trigram. */
const NO_KEY = -1;

/** Whether `text` may hold one of the check's literals. */
function mayHold(check: Check, text: string): boolean {
  for (const l of check.short) if (text.includes(l)) return true;
  return holdsAnyOf(check.trigrams, text);
}

/**
 * False when `text` holds none of the literals of a trigramList (one of each literal's trigrams is missing
 * from the text, the group's key or another); true when it may hold one.
 */
export function holdsAnyOf(list: Int32Array, text: string): boolean {
  if (list.length === 0) return false;
  const { seen, stamp } = trigramsOfText(text);
  let i = 0;
  while (i < list.length) {
    const size = list[i + 1] as number;
    const end = i + 2 + size;
    const key = list[i] as number;
    if (key === NO_KEY || seen[key] === stamp) {
      let at = i + 2;
      while (at < end) {
        const n = list[at] as number;
        let j = 1;
        while (j <= n && seen[list[at + j] as number] === stamp) j++;
        if (j > n) return true;
        at += n + 1;
      }
    }
    i = end;
  }
  return false;
}

/**
 * False when `text` cannot match `re`: it holds none of the pattern's required literals. True when it
 * may (or when the pattern has no required literals, or too many to look for, or it is case-insensitive:
 * see mayMatchFolded).
 */
export function mayMatch(re: RegExp, text: string): boolean {
  if (re.ignoreCase) return true;
  const check = checkOf(re);
  return check === null || mayHold(check, text);
}

/**
 * mayMatch for any pattern, case-insensitive ones included, given the text and its lower case
 * (`text.toLowerCase()`, made once by a caller that asks about many patterns).
 */
export function mayMatchFolded(re: RegExp, text: string, lower: string): boolean {
  const check = checkOf(re);
  return check === null || mayHold(check, re.ignoreCase ? lower : text);
}

/**
 * `re.exec(text)`, skipped when the text cannot match (see mayMatch). A skipped global or sticky pattern
 * has its lastIndex reset, as a failed exec would have.
 */
export function execIf(re: RegExp, text: string): RegExpExecArray | null {
  if (mayMatch(re, text)) return re.exec(text);
  if (re.global || re.sticky) re.lastIndex = 0;
  return null;
}

/** `re.test(text)`, skipped when the text cannot match (see mayMatch); as execIf for lastIndex. */
export function testIf(re: RegExp, text: string): boolean {
  if (mayMatch(re, text)) return re.test(text);
  if (re.global || re.sticky) re.lastIndex = 0;
  return false;
}
