/**
 * Aho–Corasick over every phrase of the catalog (messages, hints, credential names), so that matching
 * finds all of them in one linear pass over the text instead of one substring search per phrase and
 * entry. Phrases and text are compared in folded form (see foldText).
 *
 * The automaton is a full transition table over the characters the phrases use (every other character
 * is one class that leads back to the start), in typed arrays: one array read per character of text, no
 * failure links followed while searching, and no Map per state (building the built-in catalog's 50,000
 * states took 290 ms with Maps).
 */
export class PhraseIndex {
  private readonly ids = new Map<string, number>();
  /** Character → class (0: a character no phrase uses). */
  private readonly classOf = new Uint16Array(65_536);
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

  constructor(phrases: Iterable<string>) {
    const list: string[] = [];
    let chars = 1;
    for (const p of phrases) {
      if (!p || this.ids.has(p)) continue;
      this.ids.set(p, list.length);
      this.tokenLength.push(isShortToken(p) ? p.length : 0);
      list.push(p);
      chars += p.length;
    }
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
    this.delta = delta;
    this.own = own;
    this.dict = dict;
    this.report = report;
  }

  /** The id of a phrase given to the constructor, or -1. */
  idOf(phrase: string): number {
    return this.ids.get(phrase) ?? -1;
  }

  /** Ids of every phrase that occurs in `text` (already folded). */
  findAll(text: string): Set<number> {
    const found = new Set<number>();
    const { delta, width, classOf, own, dict, report, tokenLength } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = delta[state * width + (classOf[text.charCodeAt(i)] as number)] as number;
      let o = report[state] as number;
      while (o !== 0) {
        const id = own[o] as number;
        const length = tokenLength[id] as number;
        if (length === 0 || !(isWordChar(text.charCodeAt(i - length)) || isWordChar(text.charCodeAt(i + 1))))
          found.add(id);
        o = dict[o] as number;
      }
    }
    return found;
  }
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
