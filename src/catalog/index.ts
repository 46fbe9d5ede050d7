/**
 * The catalog at run time: the compiled entries (no YAML is parsed at import) and the indexes the
 * matcher and lookup() use. A Catalog can also be built from other entries, for tests and user catalogs.
 */
import type { EntryId } from "../generated/catalog.js";
import { PATTERNS } from "../patterns.js";
import type { CatalogEntry } from "../schema.js";
import { BUILT_IN_KEYS, builtInEntries, builtInEntry, type EntryKey } from "./builtin.js";
import { foldText } from "./fold.js";
import { PhraseIndex } from "./phrase-index.js";

export type { EntryId };
export { foldText };

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
}

/** A catalog ready for matching: the built-in {@link defaultCatalog}, or one made by {@link createCatalog} or {@link loadCatalog}. */
export interface Catalog {
  /** Every entry, in catalog order. */
  readonly entries: readonly CatalogEntry[];
  /** @internal The entries prepared for matching. */
  readonly indexed: readonly IndexedEntry[];
  /**
   * @internal
   * The entries a parsed error can match at all: those sharing a code, a phrase, a status, an OAuth error
   * or sub-error with it, plus the few fallback entries. Matching scores only these, not the whole catalog.
   */
  candidates(signals: {
    codes: readonly number[];
    phrases: ReadonlySet<number>;
    status?: number;
    error?: string;
    suberror?: string;
  }): IndexedEntry[];
  /** @internal Every phrase of every entry, found in one pass by match(). */
  readonly phrases: PhraseIndex;
  /** The entry with this id. */
  byId(id: string): CatalogEntry | undefined;
  /** The entries that explain this AADSTS code, most general first. */
  byCode(code: number): readonly CatalogEntry[];
  /** By symbolic name (InvalidClientSecret), ignoring case. */
  byName(name: string): readonly CatalogEntry[];
}

/** The matching indexes: built on first use, so `lookup` and `list` do not pay for them (cold start). */
interface MatchIndexes {
  phrases: PhraseIndex;
  indexed: IndexedEntry[];
  candidates: Catalog["candidates"];
}

function buildMatchIndexes(entries: readonly CatalogEntry[]): MatchIndexes {
  const phrases = new PhraseIndex(
    entries.flatMap((e) => [...e.match.messages, ...e.match.hints, ...e.match.credentials].map(foldText)),
  );
  const ids = (list: string[]) => list.map((p) => phrases.idOf(foldText(p)));
  const indexed = entries.map((entry, order) => ({
    entry,
    order,
    messages: ids(entry.match.messages),
    hints: ids(entry.match.hints),
    credentialPhrases: ids(entry.match.credentials),
    credentials: entry.match.credentials.map((c) => c.toLowerCase()),
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
    for (const p of [...ix.messages, ...ix.hints, ...ix.credentialPhrases]) add(ixByPhrase, p, ix);
    for (const st of m.status) add(ixByStatus, st, ix);
    for (const e of m.errors) add(ixByError, `e:${e}`, ix);
    for (const e of m.suberrors) add(ixByError, `s:${e}`, ix);
    if (m.fallback || m.chainUnavailable) always.push(ix);
  }
  const candidates: Catalog["candidates"] = (signals) => {
    const set = new Set<IndexedEntry>(always);
    for (const c of signals.codes) for (const ix of ixByCode.get(c) ?? []) set.add(ix);
    for (const p of signals.phrases) for (const ix of ixByPhrase.get(p) ?? []) set.add(ix);
    if (signals.status !== undefined) for (const ix of ixByStatus.get(signals.status) ?? []) set.add(ix);
    if (signals.error) for (const ix of ixByError.get(`e:${signals.error}`) ?? []) set.add(ix);
    if (signals.suberror) for (const ix of ixByError.get(`s:${signals.suberror}`) ?? []) set.add(ix);
    return [...set];
  };
  return { phrases, indexed, candidates };
}

/** A catalog over these entries (already validated). To read your own YAML, use {@link loadCatalog}. */
export function createCatalog(entries: readonly CatalogEntry[]): Catalog {
  const keys = entries.map(
    (e): EntryKey => [e.id, e.name ?? "", e.match.codes, e.match.credentials.length > 0 ? 1 : 0],
  );
  return catalogOver(
    keys,
    (i) => entries[i] as CatalogEntry,
    () => entries,
  );
}

/**
 * A catalog whose lookups need only each entry's keys: an entry is read (for the built-in catalog, parsed)
 * when a lookup returns it, and all of them only when the entries or the matching indexes are asked for.
 */
function catalogOver(
  keys: readonly EntryKey[],
  entryAt: (index: number) => CatalogEntry,
  allEntries: () => readonly CatalogEntry[],
): Catalog {
  const byId = new Map<string, number>();
  // Microsoft's reference gives a few names to two codes; lookup by name returns them in catalog order.
  const byName = new Map<string, number[]>();
  const codes = new Map<number, number[]>();
  const push = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  keys.forEach(([id, name, entryCodes], i) => {
    byId.set(id, i);
    if (name) push(byName, name.toLowerCase(), i);
    for (const c of entryCodes) push(codes, c, i);
  });
  // Where a code has several entries, the one with no credential restriction comes first.
  for (const list of codes.values()) list.sort((a, b) => (keys[a]?.[3] ?? 0) - (keys[b]?.[3] ?? 0));
  const read = (list: readonly number[] | undefined): readonly CatalogEntry[] =>
    list ? list.map(entryAt) : [];
  let indexes: MatchIndexes | undefined;
  const matchIndexes = () => {
    indexes ??= buildMatchIndexes(allEntries());
    return indexes;
  };
  return {
    get entries() {
      return allEntries();
    },
    get indexed() {
      return matchIndexes().indexed;
    },
    get phrases() {
      return matchIndexes().phrases;
    },
    candidates: (signals) => matchIndexes().candidates(signals),
    byId: (id) => {
      const i = byId.get(id);
      return i === undefined ? undefined : entryAt(i);
    },
    byName: (name) => read(byName.get(name.toLowerCase())),
    byCode: (code) => read(codes.get(code)),
  };
}

/** The built-in catalog compiled from data/*.yaml. Entries are parsed when first read (cold start). */
export const defaultCatalog: Catalog = catalogOver(BUILT_IN_KEYS, builtInEntry, builtInEntries);

/** Every built-in entry, in catalog order. */
export function listEntries(catalog: Catalog = defaultCatalog): readonly CatalogEntry[] {
  return catalog.entries;
}

/**
 * One entry by AADSTS code (`7000215`, `"7000215"`, `"AADSTS7000215"`), by id (`"client-secret-invalid"`) or
 * by the symbolic name some logs carry instead of the number (`"InvalidUserNameOrPassword"`).
 * Where a code has several entries, the most general comes first; {@link lookupAll} returns them all.
 * Returns undefined for anything unknown, never throws.
 *
 * @example
 * ```ts
 * import { lookup } from "aadsts";
 *
 * lookup(7000222)?.title;            // "Expired client secret"
 * lookup("AADSTS50076")?.category;   // "user-action"
 * lookup("InvalidClientSecretExpiredKeysProvided")?.id; // "client-secret-expired"
 * ```
 */
export function lookup(query: unknown, catalog: Catalog = defaultCatalog): CatalogEntry | undefined {
  return lookupAll(query, catalog)[0];
}

/** Every entry for a code or id, most general first. */
export function lookupAll(query: unknown, catalog: Catalog = defaultCatalog): readonly CatalogEntry[] {
  if (typeof query === "number") return Number.isInteger(query) ? catalog.byCode(query) : [];
  if (typeof query !== "string") return [];
  const q = query.trim();
  const code = PATTERNS.codeQuery.exec(q);
  if (code?.[1]) return catalog.byCode(Number(code[1]));
  const entry = catalog.byId(q.toLowerCase());
  return entry ? [entry] : catalog.byName(q);
}
