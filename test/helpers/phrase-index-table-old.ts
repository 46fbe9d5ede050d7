/**
 * The typed-array PhraseIndex as it was built before its construction was rewritten (one pass over
 * every cell of the table, from a table sized for one state per phrase character): the oracle whose
 * tables test/phrase-index.test.ts compares cell for cell with the current constructor's.
 *
 * Aho–Corasick over every phrase of the catalog (messages, hints, credential names), so that matching
 * finds all of them in one linear pass over the text instead of one substring search per phrase and
 * entry. Phrases and text are compared in folded form (see foldText).
 *
 * The automaton is a full transition table over the characters the phrases use (every other character
 * is one class that leads back to the start), in typed arrays: one array read per character of text, no
 * failure links followed while searching, and no Map per state (building the built-in catalog's 50,000
 * states took 290 ms with Maps).
 *
 * The text need not be folded first: {@link PhraseIndex.findAllUnfolded} folds each character as it reads
 * it (through a table), which saves building the folded copy of every text. Besides the phrases that
 * follow the short-token rule, the index takes phrases that count anywhere (`anywhere`: a cause's
 * phrases, which are plain substrings), so that one pass finds both.
 */
import { foldText } from "../../src/catalog/fold.js";
export class TablePhraseIndex {
  private readonly ids = new Map<string, number>();
  /** Ids of the `anywhere` phrases. */
  private readonly anywhereIds = new Map<string, number>();
  /** Character → class (0: a character no phrase uses). */
  private readonly classOf = new Uint16Array(65_536);
  /**
   * Character of an unfolded text → the class of its folded form; whitespace has SPACE added, and a
   * character that does not fold alone (see foldsAlone) is SPECIAL. Filled in as characters are met.
   */
  private readonly rawClassOf = new Uint16Array(65_536).fill(UNSEEN);
  /** Number of classes, the row width of `delta`. */
  private readonly width: number;
  /** delta[state * width + class]: the next state. */
  private readonly delta: Uint16Array | Uint32Array;
  /** The phrase id that ends at each state, or -1. */
  private readonly own: Int32Array;
  /** The nearest state along the failure links with a phrase ending there (0: none). */
  private readonly dict: Uint32Array;
  /** The first state whose phrase ends here: the state itself when one does, else dict (0: none). */
  private readonly report: Uint32Array;
  /**
   * For each phrase id: its length when the phrase is one short token (no space, at most 16 characters,
   * such as `ENOTFOUND`), which must stand as a word of its own; 0 for phrases found anywhere. Without
   * it, `enotfound` is found inside `FileNotFoundError`.
   */
  private readonly tokenLength: number[] = [];
  /**
   * For a short token that is also an `anywhere` phrase: the id it has as that phrase, reported wherever
   * the token occurs (-1: none).
   */
  private readonly twin: Int32Array;

  constructor(phrases: Iterable<string>, anywhere: Iterable<string> = []) {
    const list: string[] = [];
    let chars = 1;
    const add = (p: string, tokenLength: number) => {
      this.tokenLength.push(tokenLength);
      list.push(p);
      chars += p.length;
    };
    for (const p of phrases) {
      if (!p || this.ids.has(p)) continue;
      this.ids.set(p, list.length);
      add(p, isShortToken(p) ? p.length : 0);
    }
    const twins: Array<[number, string]> = [];
    for (const p of anywhere) {
      if (!p || this.anywhereIds.has(p)) continue;
      const id = this.ids.get(p);
      if (id === undefined) {
        this.anywhereIds.set(p, list.length);
        add(p, 0);
      } else if (this.tokenLength[id] === 0) this.anywhereIds.set(p, id);
      else {
        this.anywhereIds.set(p, -1);
        twins.push([id, p]);
      }
    }
    this.twin = new Int32Array(list.length).fill(-1);
    twins.forEach(([id, p], i) => {
      this.twin[id] = list.length + i;
      this.anywhereIds.set(p, list.length + i);
    });
    let classes = 1;
    for (const p of list)
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (this.classOf[c] === 0) this.classOf[c] = classes++;
      }
    const width = classes;
    this.width = width;
    // At most one state per phrase character, plus the start.
    const delta = chars < 65_536 ? new Uint16Array(chars * width) : new Uint32Array(chars * width);
    const own = new Int32Array(chars).fill(-1);
    let states = 1;
    list.forEach((p, id) => {
      let state = 0;
      for (let i = 0; i < p.length; i++) {
        const at = state * width + (this.classOf[p.charCodeAt(i)] as number);
        let to = delta[at] as number;
        if (to === 0) {
          to = states++;
          delta[at] = to;
        }
        state = to;
      }
      own[state] = id;
    });
    // Breadth first: a state's failure target is known before its children's. A missing edge takes the
    // failure target's edge, so the search never follows a failure link.
    const fail = new Uint32Array(states);
    const dict = new Uint32Array(states);
    const queue = new Uint32Array(states);
    let tail = 0;
    for (let a = 0; a < width; a++) {
      const to = delta[a] as number;
      if (to !== 0) queue[tail++] = to;
    }
    for (let head = 0; head < tail; head++) {
      const state = queue[head] as number;
      const f = fail[state] as number;
      for (let a = 0; a < width; a++) {
        const at = state * width + a;
        const to = delta[at] as number;
        const viaFail = delta[f * width + a] as number;
        if (to === 0) {
          delta[at] = viaFail;
          continue;
        }
        fail[to] = viaFail;
        dict[to] = (own[viaFail] as number) >= 0 ? viaFail : (dict[viaFail] as number);
        queue[tail++] = to;
      }
    }
    const report = new Uint32Array(states);
    for (let state = 1; state < states; state++)
      report[state] = (own[state] as number) >= 0 ? state : (dict[state] as number);
    // The table was sized for one state per phrase character; shared prefixes leave fewer states. Kept at
    // the states there are, in 16-bit cells when they fit (the built-in catalog's do): half the memory a
    // search reads from, and about a sixth faster.
    const compact = states < 65_536 ? new Uint16Array(states * width) : new Uint32Array(states * width);
    compact.set(delta.subarray(0, states * width));
    this.delta = compact;
    this.own = own;
    this.dict = dict;
    this.report = report;
  }

  /** The id of a phrase given to the constructor, or -1. */
  idOf(phrase: string): number {
    return this.ids.get(phrase) ?? -1;
  }

  /** The id of an `anywhere` phrase given to the constructor, or -1. */
  anywhereIdOf(phrase: string): number {
    return this.anywhereIds.get(phrase) ?? -1;
  }

  /** Ids of every phrase that occurs in `text` (already folded). */
  findAll(text: string): Set<number> {
    const found = new Set<number>();
    const { delta, width, classOf, report } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = delta[state * width + (classOf[text.charCodeAt(i)] as number)] as number;
      if (report[state] !== 0) this.collect(found, state, i, text, false);
    }
    return found;
  }

  /**
   * What `findAll(foldText(text))` returns, without building the folded text: each character is folded
   * as it is read, and a run of whitespace counts once. A text with a character whose folding depends on
   * its neighbours or that is not one character folded (see foldsAlone) is folded whole instead.
   */
  findAllUnfolded(text: string): Set<number> {
    // Classes at or above SPACE cannot be marked (no catalog comes near 32,768 distinct characters).
    if (this.width >= SPACE) return this.findAll(foldText(text));
    const found = new Set<number>();
    const { delta, width, rawClassOf, report } = this;
    let state = 0;
    let space = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let k = rawClassOf[c] as number;
      if (k >= SPACE) {
        if (k === UNSEEN) k = this.learn(c);
        if (k === SPECIAL) return this.findAll(foldText(text));
        if (k >= SPACE) {
          // Whitespace: the first of a run reads as one space, the rest are skipped.
          if (space) continue;
          space = true;
          k -= SPACE;
        } else space = false;
      } else space = false;
      state = delta[state * width + k] as number;
      if (report[state] !== 0) this.collect(found, state, i, text, true);
    }
    return found;
  }

  /**
   * Add the phrases that end at `state` (text position `i`) to `found`: a short token only when no word
   * character stands right before or after it. In an unfolded text a token (which holds no whitespace)
   * spans as many characters as it has, so its neighbours are the characters at the same distance,
   * folded.
   */
  private collect(found: Set<number>, state: number, i: number, text: string, unfolded: boolean): void {
    const { own, dict, tokenLength, twin } = this;
    for (let o = this.report[state] as number; o !== 0; o = dict[o] as number) {
      const id = own[o] as number;
      const length = tokenLength[id] as number;
      if (length === 0) found.add(id);
      else {
        const before = unfolded ? this.foldedAt(text, i - length) : text.charCodeAt(i - length);
        const after = unfolded ? this.foldedAt(text, i + 1) : text.charCodeAt(i + 1);
        if (!(isWordChar(before) || isWordChar(after))) found.add(id);
        const t = twin[id] as number;
        if (t >= 0) found.add(t);
      }
    }
  }

  /** The folded form of the character at `at` of an unfolded text (NaN outside it). */
  private foldedAt(text: string, at: number): number {
    if (at < 0 || at >= text.length) return Number.NaN;
    const c = text.charCodeAt(at);
    if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
    const f = foldText(String.fromCharCode(c));
    return f.length === 1 ? f.charCodeAt(0) : Number.NaN;
  }

  /** rawClassOf for a character met for the first time. */
  private learn(c: number): number {
    const f = foldsAlone(c);
    const k =
      f === undefined
        ? SPECIAL
        : f === " "
          ? SPACE + (this.classOf[32] as number)
          : (this.classOf[f.charCodeAt(0)] as number);
    this.rawClassOf[c] = k;
    return k;
  }
}

/** rawClassOf marks: whitespace (added to its class), a character that does not fold alone, not yet seen. */
const SPACE = 0x8000;
const SPECIAL = 0xfffe;
const UNSEEN = 0xffff;

/**
 * The folded form of one character when it folds the same wherever it stands: one character, " " for
 * whitespace. Undefined for the rest: surrogates (a pair lower-cases as one), U+0130 (lower-cases to two
 * characters) and U+03A3 (a final sigma lower-cases differently).
 */
function foldsAlone(c: number): string | undefined {
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x130 || c === 0x3a3) return undefined;
  const f = foldText(String.fromCharCode(c));
  return f.length === 1 ? f : undefined;
}

/** Letters, digits and `_` (folded text is lower case); NaN (outside the text) is not one. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/** One short token that starts and ends with a word character: `enotfound`, `resterror`, `getaddrinfo`. */
function isShortToken(phrase: string): boolean {
  if (phrase.length > 16 || phrase.includes(" ")) return false;
  return isWordChar(phrase.charCodeAt(0)) && isWordChar(phrase.charCodeAt(phrase.length - 1));
}
