/**
 * The indexes match() needs for a catalog, kept beside it rather than on it, so that a Catalog stays a
 * plain set of lookups. They are built from `catalog.entries` the first time a catalog is matched against
 * (so `lookup` and `list` never pay for them) and held in a WeakMap: a catalog that is dropped takes its
 * indexes with it.
 */
import type { CatalogEntry } from "../schema.js";
import { foldText } from "./fold.js";
import type { Catalog } from "./index.js";
import { PhraseIndex } from "./phrase-index.js";

/** An entry with its phrases folded and numbered for matching. */
export interface IndexedEntry {
  entry: CatalogEntry;
  order: number;
  /** Phrase ids (in the catalog's PhraseIndex) of the entry's messages, hints and credential names. */
  messages: number[];
  hints: number[];
  credentialPhrases: number[];
  /** Lower-cased credential names. */
  credentials: string[];
  /** The messages folded (the form the phrase search found them in). */
  foldedMessages: string[];
  /**
   * For each of the entry's causes, the ids of its phrases as `anywhere` phrases of the PhraseIndex
   * (ALWAYS_FOUND for a phrase that folds to nothing: every text holds it).
   */
  causePhrases: number[][];
}

/** The id of a cause phrase that folds to the empty string, which String.includes finds in any text. */
export const ALWAYS_FOUND = -2;

/** What a parsed error offers the candidate search. */
export interface Signals {
  codes: readonly number[];
  phrases: ReadonlySet<number>;
  status?: number;
  error?: string;
  suberror?: string;
}

export interface MatchIndexes {
  /** Every phrase of every entry, found in one pass by match(). */
  phrases: PhraseIndex;
  /** The entries prepared for matching, in catalog order. */
  indexed: IndexedEntry[];
  /**
   * The entries a parsed error can match at all: those sharing a code, a message or hint phrase or a
   * status with it, the `oauth` entries of its OAuth error or sub-error, plus the few fallback entries.
   * Matching scores only these, not the whole catalog.
   */
  candidates(signals: Signals): IndexedEntry[];
  /** The fallback entries for any credential (general advice on reading an error), in catalog order. */
  genericFallbacks: IndexedEntry[];
}

const built = new WeakMap<Catalog, MatchIndexes>();

/** The matching indexes of this catalog, built on first use. */
export function matchIndexes(catalog: Catalog): MatchIndexes {
  let indexes = built.get(catalog);
  if (!indexes) {
    indexes = buildMatchIndexes(catalog.entries);
    built.set(catalog, indexes);
  }
  return indexes;
}

function buildMatchIndexes(entries: readonly CatalogEntry[]): MatchIndexes {
  // Each phrase is folded once: many repeat across entries (credential names, shared causes).
  const foldedOnce = new Map<string, string>();
  const fold = (p: string) => {
    let f = foldedOnce.get(p);
    if (f === undefined) {
      f = foldText(p);
      foldedOnce.set(p, f);
    }
    return f;
  };
  const phrases = new PhraseIndex(
    entries.flatMap((e) => [...e.match.messages, ...e.match.hints, ...e.match.credentials].map(fold)),
    entries.flatMap((e) => (e.causes ?? []).flatMap((c) => (c.when.phrases ?? []).map(fold))),
  );
  const ids = (list: string[]) => list.map((p) => phrases.idOf(fold(p)));
  const anywhereIds = (list: string[]) =>
    list.map((p) => {
      const folded = fold(p);
      return folded === "" ? ALWAYS_FOUND : phrases.anywhereIdOf(folded);
    });
  const indexed = entries.map((entry, order) => ({
    entry,
    order,
    messages: ids(entry.match.messages),
    hints: ids(entry.match.hints),
    credentialPhrases: ids(entry.match.credentials),
    credentials: entry.match.credentials.map((c) => c.toLowerCase()),
    foldedMessages: entry.match.messages.map(fold),
    causePhrases: (entry.causes ?? []).map((c) => anywhereIds(c.when.phrases ?? [])),
  }));
  const add = <K>(map: Map<K, IndexedEntry[]>, key: K, ix: IndexedEntry) => {
    const list = map.get(key) ?? [];
    list.push(ix);
    map.set(key, list);
  };
  const ixByCode = new Map<number, IndexedEntry[]>();
  const ixByPhrase = new Map<number, IndexedEntry[]>();
  const ixByStatus = new Map<number, IndexedEntry[]>();
  const ixByError = new Map<string, IndexedEntry[]>();
  const always: IndexedEntry[] = [];
  for (const ix of indexed) {
    const m = ix.entry.match;
    for (const c of m.codes) add(ixByCode, c, ix);
    // A credential's name in the text is no signal of its own: it only raises the score of a message or
    // status the entry shares (match/index.ts), which make it a candidate already. (An error naming
    // ManagedIdentityCredential made every entry written for it a candidate, each scored to nothing.)
    for (const p of [...ix.messages, ...ix.hints]) add(ixByPhrase, p, ix);
    for (const st of m.status) add(ixByStatus, st, ix);
    // An OAuth error or sub-error is a signal of its own only for `oauth` entries; on any other entry it
    // adds weight to a code that matched, which makes the entry a candidate already (match/index.ts).
    if (ix.entry.kind === "oauth") {
      for (const e of m.errors) add(ixByError, `e:${e}`, ix);
      for (const e of m.suberrors) add(ixByError, `s:${e}`, ix);
    }
    if (m.fallback || m.chainUnavailable) always.push(ix);
  }
  const candidates = (signals: Signals): IndexedEntry[] => {
    const set = new Set<IndexedEntry>(always);
    for (const c of signals.codes) for (const ix of ixByCode.get(c) ?? []) set.add(ix);
    for (const p of signals.phrases) for (const ix of ixByPhrase.get(p) ?? []) set.add(ix);
    if (signals.status !== undefined) for (const ix of ixByStatus.get(signals.status) ?? []) set.add(ix);
    if (signals.error) for (const ix of ixByError.get(`e:${signals.error}`) ?? []) set.add(ix);
    if (signals.suberror) for (const ix of ixByError.get(`s:${signals.suberror}`) ?? []) set.add(ix);
    return [...set];
  };
  const genericFallbacks = indexed.filter((ix) => ix.entry.match.fallback && ix.credentials.length === 0);
  return { phrases, indexed, candidates, genericFallbacks };
}
