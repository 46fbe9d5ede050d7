/**
 * YAML catalog files → checked, compiled entries. Pure (no I/O) so the tests can feed it broken catalogs;
 * `readCatalogInputs` (catalog-files.ts) reads the real ones. The entry shape is CatalogEntrySourceSchema
 * and every rule is in src/catalog/rules.ts, which loadCatalog uses too; this module only applies them to
 * the built-in files and adds what needs the build's inputs: guides and their rows (sources.yaml), the
 * reference table (aadsts-codes.tsv), the published message templates (code-messages.tsv) and the ids
 * ever published (published-ids.txt).
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ENTRY_BLOCK_COUNT, entryBlock } from "../../src/catalog/entry-block.js";
import { codeEntryId } from "../../src/catalog/entry-keys.js";
import { foldText } from "../../src/catalog/fold.js";
import { entryLinks, markdownLinks } from "../../src/catalog/links.js";
import { splitLookup } from "../../src/catalog/lookup-url.js";
import {
  checkMarkdown,
  codeConflicts,
  deletedIds,
  entryProblems,
  linkProblem,
  lookupUrl,
  missingCodes,
  parseReferenceTsv,
  referenceDisagreements,
} from "../../src/catalog/rules.js";
import { type CatalogTables, ENUM_FIELDS, type StoredSource } from "../../src/catalog/stored-fields.js";
import { PATTERNS } from "../../src/patterns.js";
import {
  type CatalogEntry,
  type CatalogEntrySource,
  CatalogEntrySourceSchema,
  type Cause,
  completeMatch,
  type Link,
} from "../../src/schema.js";

const SourcesSchema = z.record(
  z.string(),
  z.strictObject({
    title: z.string().min(1),
    url: z.url({ protocol: /^https$/ }),
    sections: z.record(z.string(), z.string()),
    rows: z.array(z.strictObject({ section: z.string(), row: z.string() })).default([]),
  }),
);
export type Sources = z.infer<typeof SourcesSchema>;

export interface CatalogFile {
  name: string;
  text: string;
}

export interface CompileResult {
  entries: CatalogEntry[];
  errors: string[];
}

/** What the build checks the catalog against, each optional so tests can compile a small catalog alone. */
export interface CatalogFacts {
  /** data/aadsts-codes.tsv: Microsoft's reference table. Every code needs an entry that agrees with its row. */
  referenceTsv?: string;
  /** data/code-messages.tsv: published message templates. Every code needs an entry, which gets its template. */
  messagesTsv?: string;
  /** data/published-ids.txt: every id ever published. None may disappear. */
  published?: readonly string[];
}

/** The message templates of data/code-messages.tsv (header: code, message), by code. */
export function parseMessagesTsv(tsv: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of tsv.split("\n").slice(1)) {
    const tab = line.indexOf("\t");
    const code = Number(line.slice(0, tab));
    if (tab > 0 && Number.isInteger(code) && code > 0) out.set(code, line.slice(tab + 1).trim());
  }
  return out;
}

/** A description as one line: YAML's folded text with its runs of whitespace squashed. */
function oneLine(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/** A run of template text without the spaces, quotes and punctuation at its ends. */
function trimPunctuation(run: string): string {
  const edge = (c: string | undefined) => c !== undefined && " \t\n'\".,:;()[]-".includes(c);
  let start = 0;
  let end = run.length;
  while (start < end && edge(run[start])) start++;
  while (end > start && edge(run[end - 1])) end--;
  return run.slice(start, end);
}

/** Most phrases one message template gives its entry. */
const MAX_TEMPLATE_PHRASES = 3;

/**
 * The phrases of a code's message template that recognise the message when its code was stripped: the
 * runs of literal text between placeholders that are specific enough (four words, 24 characters) and
 * that no other code's template holds (or only inside a longer phrase of its own), longest first, at
 * most three. Several, because Entra has reworded
 * many messages over the years and a paste may carry an older wording that keeps only some of the runs
 * (AADSTS50011's "specified in the request does not match the" outlived its "Navigate to" sentence).
 * Empty when there is no such run ("Invalid request.", or a template several codes share word for word).
 */
export function templatePhrases(code: number, templates: ReadonlyMap<number, string>): string[] {
  const unique = (c: number) =>
    templateRuns(templates.get(c)).filter((run) => {
      const folded = foldText(run);
      for (const [other, text] of templates) if (other !== c && foldText(text).includes(folded)) return false;
      return true;
    });
  // A run another template also holds still tells the codes apart when each such template has a longer
  // phrase of its own that holds the run: on that code's message the longer phrase wins the tie (the
  // matcher prefers a phrase that holds another). AADSTS900144's "The request body must contain the
  // following parameter" is inside 7000218's whole message, which is 7000218's own phrase.
  const told = templateRuns(templates.get(code)).filter((run) => {
    const folded = foldText(run);
    for (const [other, text] of templates) {
      if (other === code || !foldText(text).includes(folded)) continue;
      if (!unique(other).some((p) => p.length > run.length && foldText(p).includes(folded))) return false;
    }
    return true;
  });
  return told.slice(0, MAX_TEMPLATE_PHRASES);
}

/** A template's literal runs between placeholders that are specific enough (four words, 24 characters), longest first. */
function templateRuns(template: string | undefined): string[] {
  if (template === undefined) return [];
  return template
    .split(PATTERNS.templatePlaceholder)
    .map(trimPunctuation)
    .filter((r) => r.length >= 24 && r.split(" ").length >= 4)
    .sort((a, b) => b.length - a.length);
}

/** Compile the catalog files (in order) against the sources outline and the facts given. */
export function compileCatalog(
  files: CatalogFile[] | string,
  sourcesYaml: string,
  facts: CatalogFacts = {},
): CompileResult {
  const catalogFiles = typeof files === "string" ? [{ name: "errors.yaml", text: files }] : files;
  const errors: string[] = [];
  let rawSources: unknown;
  try {
    rawSources = parseYaml(sourcesYaml);
  } catch (e) {
    return { entries: [], errors: [`sources.yaml is not valid YAML: ${(e as Error).message}`] };
  }
  const sources = SourcesSchema.safeParse(rawSources);
  if (!sources.success) return { entries: [], errors: [`sources.yaml: ${z.prettifyError(sources.error)}`] };

  const parsed: CatalogEntrySource[] = [];
  for (const file of catalogFiles) {
    let raw: unknown;
    try {
      raw = parseYaml(file.text);
    } catch (e) {
      errors.push(`${file.name} is not valid YAML: ${(e as Error).message}`);
      continue;
    }
    if (raw === null || raw === undefined) continue;
    if (!Array.isArray(raw)) {
      errors.push(`${file.name} must be a list of entries`);
      continue;
    }
    raw.forEach((item, i) => {
      const result = CatalogEntrySourceSchema.safeParse(item);
      const label = (item as { id?: unknown })?.id ?? `#${i + 1}`;
      if (result.success) parsed.push(result.data);
      else
        errors.push(
          `${file.name}: entry ${String(label)}: ${z.prettifyError(result.error).replace(/\n/g, "; ")}`,
        );
    });
  }

  // Symbolic names may repeat: Microsoft's reference gives some names to two codes (InvalidRequest).
  const ids = new Set<string>();
  for (const e of parsed) {
    if (ids.has(e.id)) errors.push(`duplicate id: ${e.id}`);
    ids.add(e.id);
  }

  const templates = facts.messagesTsv ? parseMessagesTsv(facts.messagesTsv) : new Map<number, string>();

  const entries: CatalogEntry[] = [];
  for (const e of parsed) {
    const where = `entry ${e.id}`;
    const guide = sources.data[e.source.guide];
    if (!guide) {
      errors.push(`${where}: unknown guide '${e.source.guide}' (add it to data/sources.yaml)`);
      continue;
    }
    if (!(e.source.section in guide.sections))
      errors.push(`${where}: guide '${e.source.guide}' has no section '${e.source.section}'`);
    if (e.source.row && !guide.rows.some((r) => r.row === e.source.row && r.section === e.source.section))
      errors.push(`${where}: section '${e.source.section}' has no row ${JSON.stringify(e.source.row)}`);
    const covers = e.covers ?? [];
    for (const c of covers) {
      const g = sources.data[c.guide];
      if (!g?.rows.some((r) => r.row === c.row))
        errors.push(`${where}: covers unknown row ${c.guide}/${c.row}`);
    }
    if (e.source.url) {
      const problem = linkProblem(e.source.url);
      if (problem) errors.push(`${where}: source: ${problem}`);
    }
    const match = completeMatch(e.match);
    const related = e.related ?? [];
    for (const p of entryProblems({ ...e, match, related }, (id) => ids.has(id)))
      errors.push(`${where}: ${p.field}: ${p.message}`);

    const anchor = (name: string) => (name in guide.sections ? `${guide.url}#${name}` : undefined);
    const main = checkMarkdown(e.mitigation, { anchor });
    for (const p of main.problems) errors.push(`${where}: mitigation: ${p}`);
    const bySdk: Record<string, string> = {};
    const links = [...main.links];
    for (const [sdk, md] of Object.entries(e.mitigationBySdk ?? {})) {
      if (!md) continue;
      const one = checkMarkdown(md, { anchor });
      for (const p of one.problems) errors.push(`${where}: mitigationBySdk.${sdk}: ${p}`);
      bySdk[sdk] = one.markdown;
      for (const l of one.links) if (!links.some((x) => x.url === l.url)) links.push(l);
    }
    const lookups = e.kind === "code" ? match.codes.map(lookupUrl) : [];
    const unlinked = (found: readonly Link[]) => lookups.filter((url) => !found.some((l) => l.url === url));
    // The built-in catalog ships without `links`; the run time reads them back from the Markdown
    // (src/catalog/links.ts), so that reader must see exactly what marked saw.
    const reread = entryLinks({ mitigation: main.markdown, mitigationBySdk: bySdk });
    if (JSON.stringify(reread) !== JSON.stringify(links))
      errors.push(
        `${where}: mitigation: a link the run time's reader reads differently (plain [text](https://url) links only)`,
      );
    for (const url of unlinked(links))
      errors.push(`${where}: mitigation: a code entry links Microsoft's lookup page, ${url}`);
    const causes: Cause[] = [];
    const causeIds = new Set<string>();
    for (const c of e.causes ?? []) {
      const at = `${where}: causes.${c.id}.mitigation`;
      if (causeIds.has(c.id)) errors.push(`${where}: causes: duplicate cause id ${c.id}`);
      causeIds.add(c.id);
      // A cause written once for several codes (a YAML anchor, aliased in each entry) leaves out the
      // lookup link; each entry's copy gets its own code's.
      const lookupLine = match.codes
        .filter((code) => !c.mitigation.includes(lookupUrl(code)))
        .map((code) => `[AADSTS${code}](${lookupUrl(code)})`);
      const written = lookupLine.length
        ? `${c.mitigation.trimEnd()}\n\nMicrosoft's lookup: ${lookupLine.join(", ")}.\n`
        : c.mitigation;
      const checked = checkMarkdown(written, { anchor });
      for (const p of checked.problems) errors.push(`${at}: ${p}`);
      for (const url of unlinked(checked.links)) errors.push(`${at}: links Microsoft's lookup page, ${url}`);
      if (JSON.stringify(markdownLinks(checked.markdown)) !== JSON.stringify(checked.links))
        errors.push(`${at}: a link the run time's reader reads differently`);
      causes.push({
        ...c,
        description: oneLine(c.description),
        mitigation: checked.markdown,
        links: checked.links,
      });
    }
    if (e.confidence === "low" && e.kind === "code" && links[0]?.url !== lookupUrl(match.codes[0] ?? 0))
      errors.push(`${where}: mitigation: a low-confidence entry gives the lookup link first`);

    // The code's published message: shown by lookup, and its most specific phrase is matched, so a
    // message whose code was stripped is still recognised. An entry listing several codes takes the
    // first code's message.
    let message: string | undefined;
    if (!e.retired)
      for (const code of match.codes) {
        const template = templates.get(code);
        if (template === undefined) continue;
        message ??= template;
        for (const phrase of templatePhrases(code, templates))
          if (!match.messages.some((m) => foldText(m) === foldText(phrase)))
            match.messages = [...match.messages, phrase];
      }

    const { causes: _written, ...fields } = e;
    entries.push({
      ...fields,
      match,
      related,
      covers,
      description: oneLine(e.description),
      mitigation: main.markdown,
      ...(Object.keys(bySdk).length > 0 ? { mitigationBySdk: bySdk } : {}),
      ...(causes.length > 0 ? { causes } : {}),
      ...(message !== undefined ? { message } : {}),
      source: {
        guide: e.source.guide,
        section: e.source.section,
        ...(e.source.row ? { row: e.source.row } : {}),
        url: e.source.url ?? `${guide.url}#${e.source.section}`,
      },
      links,
    });
  }
  errors.push(...codeConflicts(entries));

  // Nothing silently dropped: every row of every cited guide has an entry (its source or its `covers`).
  for (const [guideId, guide] of Object.entries(sources.data)) {
    for (const r of guide.rows) {
      const covered = entries.some(
        (e) =>
          (e.source.guide === guideId && e.source.section === r.section && e.source.row === r.row) ||
          e.covers.some((c) => c.guide === guideId && c.row === r.row),
      );
      if (!covered)
        errors.push(`guide '${guideId}' row ${JSON.stringify(r.row)} (${r.section}) has no entry`);
    }
  }
  if (facts.referenceTsv !== undefined) {
    const rows = parseReferenceTsv(facts.referenceTsv);
    errors.push(
      ...missingCodes(
        entries,
        rows.map((r) => r.code),
        "Microsoft's reference (data/aadsts-codes.tsv)",
      ),
    );
    errors.push(...referenceDisagreements(entries, rows));
  }
  if (templates.size > 0)
    errors.push(
      ...missingCodes(entries, [...templates.keys()], "the published list (data/code-messages.tsv)"),
    );
  if (facts.published) errors.push(...deletedIds(entries, facts.published));
  return { entries, errors };
}

/** Catalog file names in compile order: errors.yaml (the seed guide) first, the rest by name. */
export function catalogFileOrder(names: string[]): string[] {
  const others = names
    .filter((f) => f.endsWith(".yaml") && f !== "sources.yaml" && f !== "errors.yaml")
    .sort();
  return names.includes("errors.yaml") ? ["errors.yaml", ...others] : others;
}

/**
 * JSON text as the body of a single-quoted JS string. JSON's own double quotes need no escape there, and its
 * apostrophes are written as the JSON escape \u0027, so the text holds no single quote at all: otherwise
 * esbuild re-quotes the literal as a template literal, which V8 scans about three times slower (cold start).
 */
function jsSingleQuoted(json: string): string {
  return json
    .replace(/'/g, "\\u0027")
    .replace(/\\/g, "\\\\")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Characters that may start a table URL: the first one the catalog's text never holds. */
const MARK_CANDIDATES = "^~!|@$%&*+=<>{}";

/** The stored form of the built-in catalog: its tables and each entry's text, in catalog order. */
export interface EncodedCatalog {
  tables: CatalogTables;
  texts: string[];
}

/** Every value of `items` once, most used first (ties: first seen first). */
function byUse<T>(items: Iterable<T>): T[] {
  const counts = new Map<T, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
}

/** Every string in a JSON value, keys included. */
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsOf(v);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      yield k;
      yield* stringsOf(v);
    }
}

/** A JSON value with every string (keys included) passed through `f`. */
function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), mapStrings(v, f)]));
  return value;
}

/**
 * The built-in catalog in its stored form, which src/catalog/decode.ts reads back (its header lists each
 * step and what it saves). Each entry keeps its fields in the order the run time has always given them:
 * the compiled order without related, covers, links and causes, then those four.
 */
export function encodeCatalog(entries: readonly CatalogEntry[]): EncodedCatalog {
  // The guides' URLs: a source's URL is by default its guide's URL, "#" and its section.
  const bases = new Map<string, string[]>();
  for (const { source } of entries) {
    const list = bases.get(source.guide) ?? [];
    bases.set(source.guide, list);
    if (source.url.endsWith(`#${source.section}`)) list.push(source.url.slice(0, -source.section.length - 1));
  }
  const guides = [...bases].map(([id, urls]) => [id, byUse(urls)[0] ?? ""] as const);
  const guideIndex = new Map(guides.map(([id], i) => [id, i]));
  const enums: Record<string, unknown[]> = {};
  for (const field of ENUM_FIELDS) {
    const values = entries.flatMap((e) =>
      field in e ? [(e as unknown as Record<string, unknown>)[field]] : [],
    );
    if (values.length > 0) enums[field] = byUse(values);
  }

  // Each entry under its long field names, ordered as described above.
  const compact = entries.map((e) => {
    const code = e.match.codes[0];
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(e)) {
      if (field === "related" || field === "covers" || field === "links" || field === "causes") continue;
      // Placeholders of the final value's type (see src/catalog/decode.ts).
      if (field === "id" || field === "name") out[field] = "";
      else if (field === "mitigation") {
        const [mitigation, lk] = splitLookup(e.mitigation, code);
        out.mitigation = mitigation;
        if (lk) out.lk = lk;
      } else if (field === "match")
        out.match = Object.fromEntries(
          Object.entries(e.match)
            .filter(([, v]) => v !== false && !(Array.isArray(v) && v.length === 0))
            .map(([k, v]) => [k, k === "codes" ? [] : v]),
        );
      else if (field === "source") {
        const { guide, section, row, url } = e.source;
        const g = guideIndex.get(guide) ?? 0;
        const stored: StoredSource = [g, section, row === undefined ? 0 : row === `AADSTS${code}` ? 1 : row];
        if (url !== `${guides[g]?.[1]}#${section}`) stored.push(url);
        out.source = stored;
      } else if (enums[field]) out[field] = enums[field].indexOf(value).toString(36);
      else out[field] = value;
    }
    if (e.related.length > 0) out.related = e.related;
    if (e.covers.length > 0) out.covers = e.covers;
    if (e.causes)
      out.causes = e.causes.map(({ links: _links, ...c }) => {
        const cause: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(c)) {
          if (field !== "mitigation") cause[field] = value;
          else {
            const [mitigation, lk] = splitLookup(c.mitigation, code);
            cause.mitigation = mitigation;
            if (lk) cause.lk = lk;
          }
        }
        return cause;
      });
    return out;
  });

  const text = compact.map((o) => JSON.stringify(o)).join("\n");
  const urlMark = [...MARK_CANDIDATES].find((c) => !text.includes(c)) ?? "";

  // Link URLs that more than one Markdown link names, in order of first use.
  const linkCounts = new Map<string, number>();
  for (const e of entries)
    for (const md of stringsOf([e.mitigation, e.mitigationBySdk, e.causes?.map((c) => c.mitigation)]))
      for (const l of markdownLinks(md)) {
        const uses = md.split(`](${l.url})`).length - 1;
        linkCounts.set(l.url, (linkCounts.get(l.url) ?? 0) + uses);
      }
  const plain = (url: string) =>
    JSON.stringify(url) === `"${url}"` && !url.includes(")") && !url.includes("'");
  const urls = urlMark ? [...linkCounts].filter(([u, n]) => n > 1 && plain(u)).map(([u]) => u) : [];
  const urlIndex = new Map(urls.map((u, i) => [u, i]));

  const texts = compact.map((o, i) => {
    const own = entries[i]?.links.concat((entries[i]?.causes ?? []).flatMap((c) => c.links)) ?? [];
    const tabled = own.filter((l) => urlIndex.has(l.url));
    const marked = mapStrings(o, (s) => {
      let out = s;
      for (const l of tabled)
        out = out.split(`](${l.url})`).join(`](${urlMark}${urlIndex.get(l.url)?.toString(36)})`);
      return out;
    });
    return JSON.stringify(marked);
  });
  return { tables: { enums, guides, urls, urlMark }, texts };
}

/**
 * The generated module's text. Stable output, so the drift check can compare bytes, and one line per entry in
 * each of its three lists (the id type, the keys, the JSON text), so a change to one entry changes one line
 * of the module, and a new entry adds three.
 *
 * Cold start: the JSON text sits in function bodies, which V8 only pre-parses until they are called, and
 * nothing is parsed as JSON until an entry is read. `aadsts lookup` parses one block and one entry.
 */
export function renderCatalogModule(entries: CatalogEntry[], encoded = encodeCatalog(entries)): string {
  const ids = entries.map((e) => `  | ${JSON.stringify(e.id)}`).join("\n");
  const keys = entries
    .map((e) => {
      const restricted = e.match.credentials.length > 0 ? 1 : 0;
      // 0 for an id that is "aadsts-" and the first code: src/catalog/entry-keys.ts writes it back.
      const id = e.id === codeEntryId(e.match.codes) ? "0" : JSON.stringify(e.id);
      return `  [${id}, ${JSON.stringify(e.name ?? "")}, [${e.match.codes.join(", ")}], ${restricted}],`;
    })
    .join("\n");
  const blocks: string[][] = Array.from({ length: ENTRY_BLOCK_COUNT }, () => []);
  for (const i of blockOrder(entries))
    blocks[entryBlock(entries[i]?.id ?? "")]?.push(
      `    ${JSON.stringify(entries[i]?.id)}: '${jsSingleQuoted(encoded.texts[i] ?? "")}',`,
    );
  const blockText = blocks.map((lines) => `  () => ({\n${lines.join("\n")}\n  }),`).join("\n");
  return `// Generated by scripts/build-catalog.ts from data/*.yaml. Do not edit; run \`npm run build:catalog\`.
import { withCodeIds } from "../catalog/entry-keys.js";

/** Every catalog entry id. */
export type EntryId =
${ids || "  never"};

/** An entry's keys: id, symbolic name ("" when none), AADSTS codes, 1 when it applies to named credentials only. */
export type EntryKey = readonly [id: string, name: string, codes: readonly number[], restricted: 0 | 1];

/**
 * Every entry's keys, in the order of data/errors.yaml then the other catalog files. An id written 0 is
 * "aadsts-" and the entry's first code.
 */
export const ENTRY_KEYS: readonly EntryKey[] = /* @__PURE__ */ withCodeIds([
${keys}
]);

/**
 * Every entry as JSON text (checked by the build), by id, in ${ENTRY_BLOCK_COUNT} blocks picked by a hash of the id
 * (src/catalog/entry-block.ts). Each block is a function, so its text is compiled only when an entry in it
 * is first read.
 */
export const ENTRY_BLOCKS: readonly (() => Readonly<Record<string, string>>)[] = [
${blockText}
];
`;
}

/**
 * The order of the entries inside each block of the generated module: those with SDK wordings first,
 * then by topic, then in catalog order. The run time reads a block by id, so the order is free, and
 * alike entries side by side compress better: gzip looks back only 32 KB (2.5 KB less in the bundle
 * than catalog order). A change to one entry still changes only its own line.
 */
function blockOrder(entries: readonly CatalogEntry[]): number[] {
  const key = (e: CatalogEntry) => `${e.mitigationBySdk ? 0 : 1}|${e.topic ?? ""}`;
  const keys = entries.map(key);
  return entries
    .map((_, i) => i)
    .sort((a, b) => {
      const x = keys[a] ?? "";
      const y = keys[b] ?? "";
      return x < y ? -1 : x > y ? 1 : a - b;
    });
}

/** The generated tables module (src/generated/catalog-tables.ts): what src/catalog/decode.ts looks up. */
export function renderCatalogTables(entries: CatalogEntry[], encoded = encodeCatalog(entries)): string {
  const { enums, guides, urls, urlMark } = encoded.tables;
  const list = (items: readonly unknown[]) => items.map((x) => `    ${JSON.stringify(x)},`).join("\n");
  const enumText = Object.entries(enums)
    .map(([field, values]) => `    ${field}: ${JSON.stringify(values)},`)
    .join("\n");
  return `// Generated by scripts/build-catalog.ts from data/*.yaml. Do not edit; run \`npm run build:catalog\`.
import type { CatalogTables } from "../catalog/stored-fields.js";

/** The lookup tables of the stored entries in ./catalog.ts (src/catalog/decode.ts reads them). */
export const CATALOG_TABLES: CatalogTables = {
  enums: {
${enumText}
  },
  guides: [
${list(guides)}
  ],
  urls: [
${list(urls)}
  ],
  urlMark: ${JSON.stringify(urlMark)},
};
`;
}
