/** The Map-based Aho–Corasick PhraseIndex as it was before the typed-array table: the oracle of test/phrase-index.test.ts. */
/**
 * Aho–Corasick over every phrase of the catalog (messages, hints, credential names), so that matching
 * finds all of them in one linear pass over the text instead of one substring search per phrase and
 * entry. Phrases and text are compared in folded form (see foldText).
 */
export class OldPhraseIndex {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Phrase ids that end at each state, including those reached through failure links. */
  private readonly out: number[][] = [[]];
  private readonly ids = new Map<string, number>();
  /**
   * For each phrase id: its length when the phrase is one short token (no space, at most 16 characters,
   * such as `ENOTFOUND`), which must stand as a word of its own; 0 for phrases found anywhere. Without
   * it, `enotfound` is found inside `FileNotFoundError`.
   */
  private readonly tokenLength: number[] = [];

  constructor(phrases: Iterable<string>) {
    for (const p of phrases) {
      if (!p || this.ids.has(p)) continue;
      const id = this.ids.size;
      this.ids.set(p, id);
      this.tokenLength.push(isShortToken(p) ? p.length : 0);
      this.add(p, id);
    }
    this.link();
  }

  /** The id of a phrase given to the constructor, or -1. */
  idOf(phrase: string): number {
    return this.ids.get(phrase) ?? -1;
  }

  private add(phrase: string, id: number): void {
    let state = 0;
    for (let i = 0; i < phrase.length; i++) {
      const c = phrase.charCodeAt(i);
      let to = this.next[state]?.get(c);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[state]?.set(c, to);
      }
      state = to;
    }
    this.out[state]?.push(id);
  }

  /** Breadth-first: each state's failure link is the longest proper suffix that is also a prefix. */
  private link(): void {
    const queue: number[] = [];
    for (const to of this.next[0]?.values() ?? []) queue.push(to);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const [c, to] of this.next[state] ?? []) {
        queue.push(to);
        let f = this.fail[state] as number;
        while (f !== 0 && !this.next[f]?.has(c)) f = this.fail[f] as number;
        const target = this.next[f]?.get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]?.push(...(this.out[this.fail[to] as number] ?? []));
      }
    }
  }

  /** Ids of every phrase that occurs in `text` (already folded). */
  findAll(text: string): Set<number> {
    const found = new Set<number>();
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (state !== 0 && !this.next[state]?.has(c)) state = this.fail[state] as number;
      state = this.next[state]?.get(c) ?? 0;
      for (const id of this.out[state] ?? []) {
        const length = this.tokenLength[id] ?? 0;
        if (length > 0 && (isWordChar(text.charCodeAt(i - length)) || isWordChar(text.charCodeAt(i + 1))))
          continue;
        found.add(id);
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
