/**
 * Aho–Corasick over every phrase of the catalog (messages, hints, credential names), so that matching
 * finds all of them in one linear pass over the text instead of one substring search per phrase and
 * entry. Phrases and text are compared in folded form (see foldText).
 */
export class PhraseIndex {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Phrase ids that end at each state, including those reached through failure links. */
  private readonly out: number[][] = [[]];
  private readonly ids = new Map<string, number>();

  constructor(phrases: Iterable<string>) {
    for (const p of phrases) {
      if (!p || this.ids.has(p)) continue;
      const id = this.ids.size;
      this.ids.set(p, id);
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
      for (const id of this.out[state] ?? []) found.add(id);
    }
    return found;
  }
}
