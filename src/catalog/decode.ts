/**
 * The built-in catalog's stored form, read back into entries. The build (encodeCatalog in
 * scripts/lib/compile-catalog.ts) writes each entry as JSON text that leaves out or shortens what the run
 * time can rebuild, with a few lookup tables in src/generated/catalog-tables.ts; this module undoes each
 * step, so an entry reads back equal to the one the YAML compiles to, field order included
 * (test/catalog-encoding.test.ts compares every entry). The steps, with what each saved in the gzipped
 * browser bundles when it was added (scripts/size.ts; the catalog was then about 320 KB of 392 KB):
 *
 * - `id` and `name` are stored as "" and `match.codes` as []: ENTRY_KEYS holds them (about 11 KB).
 * - Fields with few values (`kind`, `category`, `actor`, `retryable`, `userFixable`, `confidence`,
 *   `topic`) are stored as an index into `enums`, in base 36 (about 3 KB).
 * Each placeholder has the type of the value it stands for, so that no field of an entry holds a number
 * first and a string later (V8 would change the field's representation in the entries' hidden class).
 * - `source` is an array: the guide's index in `guides`, the section, the row (1: "AADSTS" and the entry's
 *   first code, 0: none) and the URL only when it is not the guide's URL, "#" and the section (about 4 KB).
 * - A Markdown link to a URL that more than one link names is written `](<urlMark>n)`, n in base 36
 *   indexing `urls` (about 6 KB): gzip looks back only 32 KB, and most repeats of a link are farther apart.
 * - A mitigation's closing "Microsoft's lookup" line is left out and flagged `lk` (see splitLookup, 7 KB).
 * - `links` are not stored: they are read from the Markdown (src/catalog/links.ts).
 *
 * Tried and left out: one-letter field names (3.8 KB less, but renaming the fields in a loop doubled the
 * decoding time of a cold process), marks for apostrophes and line breaks (1.4 KB, 7 ms more cold), a
 * table of lines repeated across entries (nothing: gzip already finds them). The decoder avoids loops
 * that store fields by computed name: one over the enum fields made the first explain() 30 ms slower.
 *
 * Browser-safe, no imports beyond the catalog's own modules.
 */
import { completeMatch, emptyMatch } from "../entry-match.js";
import type { EntryKey } from "../generated/catalog.js";
import { CATALOG_TABLES } from "../generated/catalog-tables.js";
import type { CatalogEntry, Cause } from "../schema.js";
import { entryLinks, markdownLinks } from "./links.js";
import { joinLookup, type LookupTail } from "./lookup-url.js";
import type { CatalogTables, StoredSource } from "./stored-fields.js";

export type { CatalogTables, StoredSource };

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
  if (out.id === "") out.id = id;
  if (out.name === "") out.name = name;
  // Field by field rather than a loop over ENUM_FIELDS (./stored-fields.ts): with the loop's keyed
  // stores the first explain() of a process took 30 ms (20%) longer, measured. The round-trip test
  // catches a field added to ENUM_FIELDS and not here.
  const e = tables.enums;
  if (typeof out.kind === "string") out.kind = e.kind?.[Number.parseInt(out.kind, 36)];
  if (typeof out.category === "string") out.category = e.category?.[Number.parseInt(out.category, 36)];
  if (typeof out.actor === "string") out.actor = e.actor?.[Number.parseInt(out.actor, 36)];
  if (typeof out.retryable === "string") out.retryable = e.retryable?.[Number.parseInt(out.retryable, 36)];
  if (typeof out.userFixable === "string")
    out.userFixable = e.userFixable?.[Number.parseInt(out.userFixable, 36)];
  if (typeof out.confidence === "string")
    out.confidence = e.confidence?.[Number.parseInt(out.confidence, 36)];
  if (typeof out.topic === "string") out.topic = e.topic?.[Number.parseInt(out.topic, 36)];
  const mitigation = joinLookup(stored.mitigation, code, lk);
  const match = stored.match;
  if (match.codes) match.codes = [...codes];
  const [g, section, row, url] = stored.source;
  const [guide, base] = tables.guides[g] ?? ["", ""];
  out.source =
    row === 0
      ? { guide, section, url: url ?? `${base}#${section}` }
      : { guide, section, row: row === 1 ? `AADSTS${code}` : row, url: url ?? `${base}#${section}` };
  // A fresh object literal, built as before the stored form was shortened, so the entries that the
  // match indexes read have the same hidden classes as then.
  const entry = {
    ...out,
    mitigation,
    match: completeMatch(match, emptyMatch()),
    related: stored.related ?? [],
    covers: stored.covers ?? [],
    links: entryLinks({ mitigation, mitigationBySdk: stored.mitigationBySdk as Record<string, string> }),
    ...(causes
      ? {
          causes: causes.map(({ lk: tail, ...c }) => {
            const m = joinLookup(c.mitigation, code, tail);
            return { ...c, mitigation: m, links: markdownLinks(m) };
          }),
        }
      : {}),
  } as unknown as CatalogEntry;
  return entry;
}
