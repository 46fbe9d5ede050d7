/**
 * The catalog at run time: the compiled entries (no YAML is parsed at import) and the lookups by id, code
 * and name. A Catalog can also be built from other entries, for tests and user catalogs.
 */
import type { EntryId } from "../generated/catalog.js";
import { PATTERNS } from "../patterns.js";
import type { CatalogEntry } from "../schema.js";
import { BUILT_IN_KEYS, builtInEntries, builtInEntry, type EntryKey } from "./builtin.js";
import { foldText } from "./fold.js";

export type { EntryId };
export { foldText };

/**
 * A catalog: the built-in {@link defaultCatalog}, or one made by {@link loadCatalog}. A plain set of
 * lookups; the indexes the matcher builds for a catalog are kept apart from it (src/catalog/match-indexes.ts).
 */
export interface Catalog {
  /** Every entry, in catalog order. */
  readonly entries: readonly CatalogEntry[];
  /** The entry with this id. */
  byId(id: string): CatalogEntry | undefined;
  /** The entries that explain this AADSTS code, most general first. */
  byCode(code: number): readonly CatalogEntry[];
  /** By symbolic name (InvalidClientSecret), ignoring case. */
  byName(name: string): readonly CatalogEntry[];
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
  // Each index is built when its kind of lookup is first made: `aadsts lookup 7000215` builds only the
  // index by code (cold start), and allocates nothing for ids and names.
  let byId: Map<string, number> | undefined;
  // Microsoft's reference gives a few names to two codes; lookup by name returns them in catalog order.
  let byName: Map<string, number[]> | undefined;
  let codes: Map<number, number[]> | undefined;
  const push = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  const idIndex = () => {
    if (!byId) {
      byId = new Map();
      for (let i = 0; i < keys.length; i++) byId.set((keys[i] as EntryKey)[0], i);
    }
    return byId;
  };
  const nameIndex = () => {
    if (!byName) {
      byName = new Map();
      for (let i = 0; i < keys.length; i++) {
        const name = (keys[i] as EntryKey)[1];
        if (name) push(byName, name.toLowerCase(), i);
      }
    }
    return byName;
  };
  const codeIndex = () => {
    if (!codes) {
      codes = new Map();
      for (let i = 0; i < keys.length; i++) for (const c of (keys[i] as EntryKey)[2]) push(codes, c, i);
      // Where a code has several entries, the one with no credential restriction comes first.
      for (const list of codes.values()) list.sort((a, b) => (keys[a]?.[3] ?? 0) - (keys[b]?.[3] ?? 0));
    }
    return codes;
  };
  const read = (list: readonly number[] | undefined): readonly CatalogEntry[] =>
    list ? list.map(entryAt) : [];
  return {
    get entries() {
      return allEntries();
    },
    byId: (id) => {
      const i = idIndex().get(id);
      return i === undefined ? undefined : entryAt(i);
    },
    byName: (name) => read(nameIndex().get(name.toLowerCase())),
    byCode: (code) => read(codeIndex().get(code)),
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
