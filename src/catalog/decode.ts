/**
 * The built-in catalog's stored form, read back into entries. The build (encodeEntry in
 * scripts/lib/compile-catalog.ts) writes each entry as JSON text that leaves out or shortens what the run
 * time can rebuild; this module undoes each step, so an entry reads back equal to the one the YAML compiles
 * to (test/catalog-encoding.test.ts compares every entry). The steps, each measured on the gzipped browser
 * bundle when it was added (scripts/size.ts):
 *
 * - `id`, `name` and `match.codes` are stored as 0: they are in ENTRY_KEYS already (about 11 KB).
 * - Fields with few values (`kind`, `category`, `actor`, …) are stored as an index into `enums`.
 * - `source` is an array: the guide's index in `guides`, the section, the row (1: "AADSTS" and the entry's
 *   first code, 0: none) and the URL only when it is not the guide's URL and the section (about 4 KB).
 * - A Markdown link to a URL that several entries link is written `](^n)`, n in base 36 indexing `urls`
 *   (about 6 KB): gzip only looks back 32 KB, and most repeats of a link are farther apart than that.
 * - A mitigation's closing "Microsoft's lookup" line is left out and flagged `lk` (see splitLookup).
 * - `links` are not stored: they are read from the Markdown (src/catalog/links.ts).
 *
 * Browser-safe, no imports beyond the catalog's own modules.
 */
import { completeMatch, emptyMatch } from "../entry-match.js";
import type { EntryKey } from "../generated/catalog.js";
import { CATALOG_TABLES } from "../generated/catalog-tables.js";
import type { CatalogEntry, Cause } from "../schema.js";
import { entryLinks, markdownLinks } from "./links.js";
import { joinLookup, type LookupTail } from "./lookup-url.js";

/** The lookup tables of the stored form, written by the build into src/generated/catalog-tables.ts. */
export interface CatalogTables {
  /** Per field stored as an index, its values. */
  readonly enums: Readonly<Record<string, readonly unknown[]>>;
  /** Guides: id and URL. A source's URL is by default the guide's URL, "#" and the section. */
  readonly guides: readonly (readonly [id: string, url: string])[];
  /** Link URLs that several entries link, written `](<urlMark><index in base 36>)`. */
  readonly urls: readonly string[];
  /** The character that starts a table URL, one the catalog's text never holds ("" when there is none). */
  readonly urlMark: string;
}

/** A stored source: guide index, section, row (0 none, 1 "AADSTS<first code>", or the row), URL if not derived. */
export type StoredSource = [guide: number, section: string, row: 0 | 1 | string, url?: string];

/**
 * The stored text with its table URLs put back: JSON text again. An indexOf loop, because before V8
 * compiles it, split() or a replace() with a callback cost five times more, and replacing other marks
 * (apostrophes, line breaks: 1.4 KB gzipped) cost 7 ms more at the first explain(), for all entries.
 */
export function unmark(text: string, tables: CatalogTables = CATALOG_TABLES): string {
  const mark = tables.urlMark;
  let at = mark ? text.indexOf(mark) : -1;
  if (at < 0) return text;
  let out = "";
  let from = 0;
  while (at >= 0) {
    const close = text.indexOf(")", at);
    out += text.slice(from, at) + (tables.urls[Number.parseInt(text.slice(at + 1, close), 36)] ?? "");
    from = close;
    at = text.indexOf(mark, close);
  }
  return out + text.slice(from);
}

/** A stored entry: its fields under their own names, some of them in a shorter form (see above). */
type StoredEntry = Record<string, unknown> & {
  mitigation: string;
  match: Record<string, unknown>;
  source: StoredSource;
  lk?: LookupTail;
  causes?: (Omit<Cause, "links"> & { lk?: LookupTail })[];
};

/**
 * One built-in entry from its stored text and its keys. Spreads and in-place assignments, which keep the
 * stored field order: a loop over the fields cost twice as much at the first explain(), before V8
 * compiles it.
 */
export function decodeEntry(
  text: string,
  key: EntryKey,
  tables: CatalogTables = CATALOG_TABLES,
): CatalogEntry {
  const stored = JSON.parse(unmark(text, tables)) as StoredEntry;
  const [id, name, codes] = key;
  const code = codes[0];
  const { lk, causes, ...fields } = stored;
  const out: Record<string, unknown> = fields;
  if (out.id === 0) out.id = id;
  if (out.name === 0) out.name = name;
  for (const field in tables.enums) {
    const value = out[field];
    if (typeof value === "number") out[field] = tables.enums[field]?.[value];
  }
  out.mitigation = joinLookup(stored.mitigation, code, lk);
  const match = stored.match;
  if (match.codes === 0) match.codes = [...codes];
  out.match = completeMatch(match, emptyMatch());
  const [g, section, row, url] = stored.source;
  const [guide, base] = tables.guides[g] ?? ["", ""];
  out.source =
    row === 0
      ? { guide, section, url: url ?? `${base}#${section}` }
      : { guide, section, row: row === 1 ? `AADSTS${code}` : row, url: url ?? `${base}#${section}` };
  out.related ??= [];
  out.covers ??= [];
  const entry = out as unknown as CatalogEntry;
  entry.links = entryLinks(entry);
  if (causes)
    entry.causes = causes.map(({ lk: tail, ...c }) => {
      const mitigation = joinLookup(c.mitigation, code, tail);
      return { ...c, mitigation, links: markdownLinks(mitigation) };
    });
  return entry;
}
