/**
 * The built-in entries, read from the generated module on demand. An entry's JSON text is parsed the first
 * time it is asked for, and every caller gets that same object: `aadsts lookup 7000215` parses one entry,
 * `explain()` parses them all once. `aadsts/catalog` and the main entry point share this cache.
 */

import { ENTRY_BLOCKS, ENTRY_KEYS, type EntryKey } from "../generated/catalog.js";
import type { CatalogEntry } from "../schema.js";
import { decodeEntry } from "./decode.js";
import { entryBlock } from "./entry-block.js";

export type { EntryKey };

/** Each entry's keys (id, name, codes, credential restriction), in catalog order. */
export const BUILT_IN_KEYS: readonly EntryKey[] = ENTRY_KEYS;

const blocks: (Readonly<Record<string, string>> | undefined)[] = [];
const parsed: (CatalogEntry | undefined)[] = [];
let all: readonly CatalogEntry[] | undefined;

/** The built-in entry at this position in catalog order. */
export function builtInEntry(index: number): CatalogEntry {
  const done = parsed[index];
  if (done) return done;
  const key = ENTRY_KEYS[index];
  if (!key) throw new RangeError(`no built-in entry at ${index}`);
  const b = entryBlock(key[0]);
  blocks[b] ??= ENTRY_BLOCKS[b]?.();
  const block = blocks[b];
  const text = block?.[key[0]];
  if (text === undefined)
    throw new Error(`generated catalog has no text for ${key[0]}; run npm run build:catalog`);
  // The stored form leaves out or shortens what can be rebuilt (src/catalog/decode.ts).
  const entry = decodeEntry(text, key);
  parsed[index] = entry;
  return entry;
}

/** Every built-in entry, in catalog order. */
export function builtInEntries(): readonly CatalogEntry[] {
  all ??= ENTRY_KEYS.map((_, i) => builtInEntry(i));
  return all;
}
