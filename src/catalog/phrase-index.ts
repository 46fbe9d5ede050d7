/**
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
 *
 * Only the first TRIE_DEPTH characters of a long phrase are states of the automaton; where that prefix
 * ends, the rest of the phrase is compared with the text that follows. The built-in catalog's phrases
 * then take 15,000 states instead of 58,000: a table of 1.8 MB instead of 7 MB, and searches as fast.
 * A state's row is completed only when a search first enters the state, so building the index is
 * building the trie (the whole table took about 100 ms to build when a program's first error was
 * explained; the trie takes about 15 ms).
 */
import { foldText } from "./fold.js";
export class PhraseIndex {
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
  /**
   * The long phrases whose first TRIE_DEPTH characters end at a state, as the state's index in `tails`
   * (-1: none): the rest of each is compared with the text that follows.
   */
  private readonly tailsAt: Int32Array;
  private readonly tails: Tail[][] = [];
  /** The nearest state along the failure links with a phrase or a tail ending there (0: none). */
  private readonly dict: Uint32Array;
  /** The first state with a phrase or a tail ending here: the state itself when it has one, else dict (0: none). */
  private readonly report: Uint32Array;
  /**
   * Each state's row of `delta` is completed the first time a search enters the state (a search meets a
   * few hundred of the built-in catalog's 15,000 states): UNREADY until then, then QUIET, or LOUD when
   * phrases end there (report is not 0). One read per character tells both.
   */
  private readonly mark: Uint8Array;
  /** The trie: each state's parent, the class of the edge into it, its first child and next sibling. */
  private readonly parent: Uint32Array;
  private readonly edgeClass: Uint32Array;
  private readonly firstChild: Uint32Array;
  private readonly nextSibling: Uint32Array;
  /** Each state's failure target (known once the state is ready), and whether a phrase or tail ends there. */
  private readonly fail: Uint32Array;
  private readonly emits: Uint8Array;
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

  /**
   * @param depth How many characters of a long phrase are states of the automaton (the rest is compared
   * with the text where they end). Short tokens are kept whole. Tests pass a small depth, so that short
   * phrases have tails too.
   */
  constructor(phrases: Iterable<string>, anywhere: Iterable<string> = [], depth = TRIE_DEPTH) {
    const list: string[] = [];
    const add = (p: string, tokenLength: number) => {
      this.tokenLength.push(tokenLength);
      list.push(p);
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
    // What goes into the trie: each phrase, or the first `depth` characters of a long one. A prefix that
    // repeats itself within half its length ("----…") is not cut: a text could hold it at every other
    // character, and each place would compare the phrase's rest again (the built-in catalog has none).
    const keys = list.map((p, id) => {
      if (p.length <= depth || this.tokenLength[id] !== 0) return p;
      const key = p.slice(0, Math.max(1, depth));
      return 2 * periodOf(key) <= key.length ? p : key;
    });
    // The table is sized for the states there will be, counted first: in sorted order each key adds one
    // state per character past the prefix it shares with the key before it. 16-bit cells when they fit.
    const states = stateCount(keys);
    const delta = states < 65_536 ? new Uint16Array(states * width) : new Uint32Array(states * width);
    const own = new Int32Array(states).fill(-1);
    const tailsAt = new Int32Array(states).fill(-1);
    const emits = new Uint8Array(states);
    // The trie's edges, kept beside the table as each state's parent and list of children (first child,
    // next sibling, and the class of the edge into each state): completing a row overwrites it.
    const firstChild = new Uint32Array(states);
    const nextSibling = new Uint32Array(states);
    const edgeClass = new Uint32Array(states);
    const parent = new Uint32Array(states);
    let made = 1;
    for (let id = 0; id < keys.length; id++) {
      const key = keys[id] as string;
      let state = 0;
      for (let i = 0; i < key.length; i++) {
        const k = this.classOf[key.charCodeAt(i)] as number;
        const at = state * width + k;
        let to = delta[at] as number;
        if (to === 0) {
          to = made++;
          delta[at] = to;
          edgeClass[to] = k;
          parent[to] = state;
          nextSibling[to] = firstChild[state] as number;
          firstChild[state] = to;
        }
        state = to;
      }
      const p = list[id] as string;
      if (key.length === p.length) own[state] = id;
      else {
        const rest = p.slice(key.length);
        const tail: Tail = { id, rest };
        if ((tailsAt[state] as number) < 0) {
          tailsAt[state] = this.tails.length;
          this.tails.push([tail]);
        } else this.tails[tailsAt[state] as number]?.push(tail);
      }
      emits[state] = 1;
    }
    // The rows are completed as searches enter their states (see ready); the start's row is complete
    // already (a missing edge leads back to it).
    this.delta = delta;
    this.own = own;
    this.tailsAt = tailsAt;
    this.emits = emits;
    this.parent = parent;
    this.edgeClass = edgeClass;
    this.firstChild = firstChild;
    this.nextSibling = nextSibling;
    this.fail = new Uint32Array(states);
    this.dict = new Uint32Array(states);
    this.report = new Uint32Array(states);
    this.mark = new Uint8Array(states);
    this.mark[0] = QUIET;
  }

  /**
   * Complete a state's row, so that a missing edge takes its failure target's edge and a search never
   * follows a failure link: the row starts as a copy of the failure target's row (completed first), then
   * the state's own edges are written back. The failure target is the parent's failure target's edge for
   * the class of the edge into the state. Returns the state's mark.
   */
  private ready(state: number): number {
    const { delta, width, parent, fail, mark, emits, dict } = this;
    const p = parent[state] as number;
    let f = 0;
    if (p !== 0) {
      if (mark[p] === UNREADY) this.ready(p);
      const fp = fail[p] as number;
      if (mark[fp] === UNREADY) this.ready(fp);
      f = delta[fp * width + (this.edgeClass[state] as number)] as number;
      if (mark[f] === UNREADY) this.ready(f);
    }
    fail[state] = f;
    const row = state * width;
    delta.copyWithin(row, f * width, f * width + width);
    for (let to = this.firstChild[state] as number; to !== 0; to = this.nextSibling[to] as number)
      delta[row + (this.edgeClass[to] as number)] = to;
    dict[state] = emits[f] === 1 ? f : (dict[f] as number);
    const report = emits[state] === 1 ? state : (dict[state] as number);
    this.report[state] = report;
    const m = report === 0 ? QUIET : LOUD;
    mark[state] = m;
    return m;
  }

  /** Complete every row (tests compare the whole table). @internal */
  readyAll(): void {
    for (let state = 1; state < this.mark.length; state++)
      if (this.mark[state] === UNREADY) this.ready(state);
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
    const { delta, width, classOf, mark } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = delta[state * width + (classOf[text.charCodeAt(i)] as number)] as number;
      let m = mark[state] as number;
      if (m === QUIET) continue;
      if (m === UNREADY) m = this.ready(state);
      if (m === LOUD) this.collect(found, state, i, text, false, false);
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
    const { delta, width, rawClassOf, mark } = this;
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
      let m = mark[state] as number;
      if (m === QUIET) continue;
      if (m === UNREADY) m = this.ready(state);
      if (m === LOUD) this.collect(found, state, i, text, true, space);
    }
    return found;
  }

  /**
   * Add the phrases that end at `state` (text position `i`) to `found`: a short token only when no word
   * character stands right before or after it. In an unfolded text a token (which holds no whitespace)
   * spans as many characters as it has, so its neighbours are the characters at the same distance,
   * folded. A long phrase whose first characters end here is added when its rest follows; `space` tells
   * whether the character at `i` of an unfolded text was whitespace (a run of whitespace reads as one).
   */
  private collect(
    found: Set<number>,
    state: number,
    i: number,
    text: string,
    unfolded: boolean,
    space: boolean,
  ): void {
    const { own, dict, tokenLength, twin, tailsAt } = this;
    for (let o = this.report[state] as number; o !== 0; o = dict[o] as number) {
      const id = own[o] as number;
      if (id >= 0) {
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
      const at = tailsAt[o] as number;
      if (at < 0) continue;
      for (const t of this.tails[at] as Tail[])
        if (
          !found.has(t.id) &&
          (unfolded ? this.followsUnfolded(text, i + 1, t.rest, space) : text.startsWith(t.rest, i + 1))
        )
          found.add(t.id);
    }
  }

  /**
   * True when the folded form of the unfolded `text` from `at` on starts with `rest` (a tail's, folded),
   * read as findAllUnfolded reads: `space` when the character before `at` was whitespace. Characters are
   * compared by class (every character of `rest` has one of its own). A character that does not fold
   * alone answers false: findAllUnfolded, which reads every character, then folds the whole text and
   * searches again.
   */
  private followsUnfolded(text: string, at: number, rest: string, space: boolean): boolean {
    const { rawClassOf, classOf } = this;
    let j = at;
    for (let r = 0; r < rest.length; ) {
      if (j >= text.length) return false;
      const c = text.charCodeAt(j++);
      let k = rawClassOf[c] as number;
      if (k >= SPACE) {
        if (k === UNSEEN) k = this.learn(c);
        if (k === SPECIAL) return false;
        if (k >= SPACE) {
          if (space) continue;
          space = true;
          k -= SPACE;
        } else space = false;
      } else space = false;
      if (k !== classOf[rest.charCodeAt(r++)]) return false;
    }
    return true;
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

/** A long phrase past the characters the automaton holds: its id, and its rest. */
interface Tail {
  id: number;
  rest: string;
}

/** How many characters of a long phrase are states of the automaton (short tokens are kept whole). */
const TRIE_DEPTH = 20;

/** A state's mark: its row not completed yet; completed, no phrase ends there; completed, phrases end there. */
const UNREADY = 0;
const QUIET = 1;
const LOUD = 2;

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

/** The smallest period of a text: the least d such that each character equals the one d before it. */
function periodOf(text: string): number {
  // The longest proper prefix that is also a suffix, for each length (Knuth–Morris–Pratt's table).
  const border = new Int32Array(text.length + 1);
  border[0] = -1;
  for (let i = 1; i <= text.length; i++) {
    let b = border[i - 1] as number;
    while (b >= 0 && text.charCodeAt(b) !== text.charCodeAt(i - 1)) b = border[b] as number;
    border[i] = b + 1;
  }
  return text.length - (border[text.length] as number);
}

/** States of the trie of these phrases, the start included (a phrase given twice adds none). */
function stateCount(phrases: readonly string[]): number {
  const sorted = [...phrases].sort();
  let states = 1;
  let previous = "";
  for (const p of sorted) {
    let shared = 0;
    const most = Math.min(p.length, previous.length);
    while (shared < most && p.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    states += p.length - shared;
    previous = p;
  }
  return states;
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
