/**
 * YAML catalog → checked, compiled entries. Pure (no I/O) so the tests can feed it broken catalogs.
 * Checks: zod schema, unique ids, known `related` ids, known guide and section, every guide row has an
 * entry, https-only links, anchors that exist in the guide, no raw HTML or images in Markdown.
 */
import { lexer, type Token } from "marked";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import {
  type CatalogEntry,
  type CatalogEntrySource,
  CatalogEntrySourceSchema,
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

export interface CompileResult {
  entries: CatalogEntry[];
  errors: string[];
}

interface FoundLink {
  text: string;
  href: string;
}

/** Walk marked's token tree; collect links, and report HTML and images, which the catalog forbids. */
function scanMarkdown(markdown: string): { links: FoundLink[]; problems: string[] } {
  const links: FoundLink[] = [];
  const problems: string[] = [];
  const visit = (tokens: Token[] | undefined) => {
    for (const t of tokens ?? []) {
      if (t.type === "link") links.push({ text: t.text, href: t.href });
      if (t.type === "html") problems.push(`raw HTML is not allowed: ${JSON.stringify(t.raw.trim())}`);
      if (t.type === "image") problems.push(`images are not allowed: ${t.href}`);
      const anyToken = t as Token & {
        tokens?: Token[];
        items?: Token[];
        header?: { tokens: Token[] }[];
        rows?: { tokens: Token[] }[][];
      };
      visit(anyToken.tokens);
      visit(anyToken.items);
      for (const cell of anyToken.header ?? []) visit(cell.tokens);
      for (const row of anyToken.rows ?? []) for (const cell of row) visit(cell.tokens);
    }
  };
  visit(lexer(markdown));
  return { links, problems };
}

export function compileCatalog(catalogYaml: string, sourcesYaml: string): CompileResult {
  const errors: string[] = [];
  let rawEntries: unknown;
  let rawSources: unknown;
  try {
    rawEntries = parseYaml(catalogYaml);
  } catch (e) {
    return { entries: [], errors: [`errors.yaml is not valid YAML: ${(e as Error).message}`] };
  }
  try {
    rawSources = parseYaml(sourcesYaml);
  } catch (e) {
    return { entries: [], errors: [`sources.yaml is not valid YAML: ${(e as Error).message}`] };
  }
  const sources = SourcesSchema.safeParse(rawSources);
  if (!sources.success) return { entries: [], errors: [`sources.yaml: ${z.prettifyError(sources.error)}`] };
  if (!Array.isArray(rawEntries)) return { entries: [], errors: ["errors.yaml must be a list of entries"] };

  const parsed: CatalogEntrySource[] = [];
  rawEntries.forEach((raw, i) => {
    const result = CatalogEntrySourceSchema.safeParse(raw);
    const label = (raw as { id?: unknown })?.id ?? `#${i + 1}`;
    if (result.success) parsed.push(result.data);
    else errors.push(`entry ${String(label)}: ${z.prettifyError(result.error).replace(/\n/g, "; ")}`);
  });

  const ids = new Set<string>();
  for (const e of parsed) {
    if (ids.has(e.id)) errors.push(`duplicate id: ${e.id}`);
    ids.add(e.id);
  }

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
    for (const r of e.related) if (!ids.has(r)) errors.push(`${where}: related id '${r}' does not exist`);
    if (e.related.includes(e.id)) errors.push(`${where}: an entry cannot be related to itself`);
    if (e.kind !== "guidance" && !hasSignal(e))
      errors.push(
        `${where}: an ${e.kind} entry needs codes, messages, hints, status or fallback to be matchable`,
      );

    const { links, problems } = scanMarkdown(e.mitigation);
    for (const p of problems) errors.push(`${where}: mitigation: ${p}`);
    const descriptionScan = scanMarkdown(e.description);
    if (descriptionScan.links.length > 0 || descriptionScan.problems.length > 0)
      errors.push(`${where}: description is plain text; put links in the mitigation`);

    let mitigation = e.mitigation.trimEnd();
    const compiledLinks: Link[] = [];
    for (const link of links) {
      let url = link.href;
      if (url.startsWith("#")) {
        const anchor = url.slice(1);
        if (!(anchor in guide.sections)) {
          errors.push(`${where}: link to '#${anchor}', a section guide '${e.source.guide}' does not have`);
          continue;
        }
        url = `${guide.url}#${anchor}`;
        mitigation = mitigation.split(`](#${anchor})`).join(`](${url})`);
      } else if (!/^https:\/\/[^\s/]+\.[^\s/]+/.test(url)) {
        errors.push(`${where}: link ${JSON.stringify(url)} is not an https URL`);
        continue;
      }
      if (!compiledLinks.some((l) => l.url === url)) compiledLinks.push({ text: link.text, url });
    }

    entries.push({
      ...e,
      description: e.description.trim().replace(/\s+/g, " "),
      mitigation,
      source: {
        guide: e.source.guide,
        section: e.source.section,
        ...(e.source.row ? { row: e.source.row } : {}),
        url: `${guide.url}#${e.source.section}`,
      },
      links: compiledLinks,
    });
  }

  // Nothing silently dropped: every row of every cited guide has an entry.
  for (const [guideId, guide] of Object.entries(sources.data)) {
    for (const r of guide.rows) {
      const covered = parsed.some(
        (e) => e.source.guide === guideId && e.source.section === r.section && e.source.row === r.row,
      );
      if (!covered)
        errors.push(`guide '${guideId}' row ${JSON.stringify(r.row)} (${r.section}) has no entry`);
    }
  }
  return { entries, errors };
}

function hasSignal(e: CatalogEntrySource): boolean {
  const m = e.match;
  return m.codes.length + m.messages.length + m.hints.length + m.status.length > 0 || m.fallback;
}

/** The generated module's text. Stable output, so the drift check can compare bytes. */
export function renderCatalogModule(entries: CatalogEntry[]): string {
  const ids = entries.map((e) => JSON.stringify(e.id)).join(" | ");
  return `// Generated by scripts/build-catalog.ts from data/errors.yaml. Do not edit; run \`npm run build:catalog\`.
import type { CatalogEntry } from "../schema.js";

/** Every catalog entry id. */
export type EntryId = ${ids || "never"};

/** The compiled catalog, in the order of data/errors.yaml. */
export const ENTRIES: readonly CatalogEntry[] = ${JSON.stringify(entries, null, 2)};
`;
}
