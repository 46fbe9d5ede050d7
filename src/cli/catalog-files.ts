/**
 * The built-in catalog for the CLI build only: tsup.config.ts puts this module in place of
 * src/generated/catalog.ts when it bundles dist/cli.js, and writes the generated module's data next to it
 * as one small file of keys and a few dozen part files of entry text (about 48 KiB each). `aadsts lookup
 * 7000215` then reads the keys and the one part holding its entry, not the whole catalog (cold start).
 * The library keeps the generated module.
 */
import { readFileSync } from "node:fs";
import { ENTRY_BLOCK_COUNT, entryBlock } from "../catalog/entry-block.js";
import type { EntryKey } from "../generated/catalog.js";
import { KEYS_FILE, partFile } from "./catalog-file-names.js";

export type { EntryId, EntryKey } from "../generated/catalog.js";

const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8"));

const { keys, parts } = load(`./${KEYS_FILE}`) as { keys: EntryKey[]; parts: number[] };

export const ENTRY_KEYS: readonly EntryKey[] = keys;

const loaded: (Readonly<Record<string, string>> | undefined)[] = [];
const part = (p: number) => {
  loaded[p] ??= load(`./${partFile(p)}`) as Readonly<Record<string, string>>;
  return loaded[p];
};

/** Each id's position in catalog order, built when the first entry is read. */
let positions: Map<string, number> | undefined;
const textOf = (id: string): string | undefined => {
  if (!positions) {
    positions = new Map();
    for (let i = 0; i < keys.length; i++) positions.set((keys[i] as EntryKey)[0], i);
  }
  const i = positions.get(id);
  return i === undefined ? undefined : part(parts[i] ?? 0)[id];
};

/**
 * The generated module's blocks (src/catalog/entry-block.ts), in the shape src/catalog/builtin.ts reads:
 * reading an id of the block reads the part file holding that entry when first asked for. A block is a
 * view, not an object with a getter per entry: defining those cost a cold `aadsts lookup` about a
 * millisecond.
 */
export const ENTRY_BLOCKS: readonly (() => Readonly<Record<string, string>>)[] = Array.from(
  { length: ENTRY_BLOCK_COUNT },
  (_, b) => () =>
    new Proxy({} as Record<string, string>, {
      get: (_target, id) => (typeof id === "string" && entryBlock(id) === b ? textOf(id) : undefined),
    }),
);
