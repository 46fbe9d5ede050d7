/**
 * YAML catalog files → checked, compiled entries. Pure (no I/O) so the tests can feed it broken catalogs.
 * Checks: zod schema, unique ids and names, known `related` ids, known guide and section, every guide row
 * has an entry, every reference code has an entry, no code listed twice without a credential narrowing
 * it, https links on allowed hosts only, anchors that exist in the guide, no raw HTML or images.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { scanMarkdown } from "../../src/catalog/markdown.js";
import {
  type CatalogEntry,
  type CatalogEntrySource,
  CatalogEntrySourceSchema,
  type Link,
  matchIsUsable,
} from "../../src/schema.js";

/** Hosts a catalog link may point to. Anything else is a typo or a link we cannot vouch for. */
export const ALLOWED_HOSTS = new Set([
  "learn.microsoft.com",
  "docs.microsoft.com",
  "login.microsoftonline.com",
  "aka.ms",
  "github.com",
  "azure.github.io",
  "pkg.go.dev",
  "www.nuget.org",
  "www.npmjs.com",
  "pypi.org",
  "central.sonatype.com",
  "portal.azure.com",
  "entra.microsoft.com",
]);

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

function hostProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `link ${JSON.stringify(url)} is not a URL`;
  }
  if (parsed.protocol !== "https:") return `link ${JSON.stringify(url)} is not an https URL`;
  if (!ALLOWED_HOSTS.has(parsed.hostname))
    return `link ${JSON.stringify(url)} is on a host outside the allow-list (scripts/lib/compile-catalog.ts)`;
  return undefined;
}

/**
 * Check a piece of catalog Markdown and make its guide anchors absolute. Returns the rewritten Markdown
 * and its links.
 */
function compileMarkdown(
  markdown: string,
  guideUrl: string,
  sections: Record<string, string>,
  guideName: string,
  where: string,
  errors: string[],
): { markdown: string; links: Link[] } {
  const { links, problems } = scanMarkdown(markdown);
  for (const p of problems) errors.push(`${where}: ${p}`);
  let out = markdown.trimEnd();
  const compiled: Link[] = [];
  for (const link of links) {
    let url = link.href;
    if (url.startsWith("#")) {
      const anchor = url.slice(1);
      if (!(anchor in sections)) {
        errors.push(`${where}: link to '#${anchor}', a section guide '${guideName}' does not have`);
        continue;
      }
      url = `${guideUrl}#${anchor}`;
      out = out.split(`](#${anchor})`).join(`](${url})`);
    } else {
      const problem = hostProblem(url);
      if (problem) {
        errors.push(`${where}: ${problem}`);
        continue;
      }
    }
    if (!compiled.some((l) => l.url === url)) compiled.push({ text: link.text, url });
  }
  return { markdown: out, links: compiled };
}

/**
 * Compile the catalog files (in order) against the sources outline. `referenceCodes`, when given, are the
 * codes of Microsoft's public reference: each must have an entry.
 */
export function compileCatalog(
  files: CatalogFile[] | string,
  sourcesYaml: string,
  referenceCodes: number[] = [],
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

  // A code may have several entries only when they are told apart by credential.
  const general = new Map<number, string>();
  for (const e of parsed) {
    if (e.match.credentials.length > 0 || e.retired) continue;
    for (const c of e.match.codes) {
      const other = general.get(c);
      if (other)
        errors.push(`AADSTS${c} is listed by ${other} and ${e.id} with no credential narrowing either`);
      general.set(c, e.id);
    }
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
    for (const c of e.covers) {
      const g = sources.data[c.guide];
      if (!g?.rows.some((r) => r.row === c.row))
        errors.push(`${where}: covers unknown row ${c.guide}/${c.row}`);
    }
    if (e.source.url) {
      const problem = hostProblem(e.source.url);
      if (problem) errors.push(`${where}: source: ${problem}`);
    }
    for (const r of e.related) if (!ids.has(r)) errors.push(`${where}: related id '${r}' does not exist`);
    if (e.related.includes(e.id)) errors.push(`${where}: an entry cannot be related to itself`);
    if (e.kind !== "guidance" && !matchIsUsable(e.match))
      errors.push(
        `${where}: an ${e.kind} entry needs codes, messages, hints, status, errors or fallback to be matchable`,
      );

    const descriptionScan = scanMarkdown(e.description);
    if (descriptionScan.links.length > 0 || descriptionScan.problems.length > 0)
      errors.push(`${where}: description is plain text; put links in the mitigation`);

    const main = compileMarkdown(
      e.mitigation,
      guide.url,
      guide.sections,
      e.source.guide,
      `${where}: mitigation`,
      errors,
    );
    const bySdk: Record<string, string> = {};
    const links = [...main.links];
    for (const [sdk, md] of Object.entries(e.mitigationBySdk ?? {})) {
      if (!md) continue;
      const one = compileMarkdown(
        md,
        guide.url,
        guide.sections,
        e.source.guide,
        `${where}: mitigationBySdk.${sdk}`,
        errors,
      );
      bySdk[sdk] = one.markdown;
      for (const l of one.links) if (!links.some((x) => x.url === l.url)) links.push(l);
    }

    entries.push({
      ...e,
      description: e.description.trim().replace(/\s+/g, " "),
      mitigation: main.markdown,
      ...(Object.keys(bySdk).length > 0 ? { mitigationBySdk: bySdk } : {}),
      source: {
        guide: e.source.guide,
        section: e.source.section,
        ...(e.source.row ? { row: e.source.row } : {}),
        url: e.source.url ?? `${guide.url}#${e.source.section}`,
      },
      links,
    });
  }

  // Nothing silently dropped: every row of every cited guide has an entry (its source or its `covers`).
  for (const [guideId, guide] of Object.entries(sources.data)) {
    for (const r of guide.rows) {
      const covered = parsed.some(
        (e) =>
          (e.source.guide === guideId && e.source.section === r.section && e.source.row === r.row) ||
          e.covers.some((c) => c.guide === guideId && c.row === r.row),
      );
      if (!covered)
        errors.push(`guide '${guideId}' row ${JSON.stringify(r.row)} (${r.section}) has no entry`);
    }
  }
  for (const code of referenceCodes) {
    if (!parsed.some((e) => e.match.codes.includes(code)))
      errors.push(`AADSTS${code} from Microsoft's reference (data/aadsts-codes.tsv) has no entry`);
  }
  return { entries, errors };
}

/** Catalog file names in compile order: errors.yaml (the seed guide) first, the rest by name. */
export function catalogFileOrder(names: string[]): string[] {
  const others = names
    .filter((f) => f.endsWith(".yaml") && f !== "sources.yaml" && f !== "errors.yaml")
    .sort();
  return names.includes("errors.yaml") ? ["errors.yaml", ...others] : others;
}

/** The codes of Microsoft's reference, from data/aadsts-codes.tsv. */
export function referenceCodes(tsv: string): number[] {
  return tsv
    .split("\n")
    .slice(1)
    .map((line) => Number(line.split("\t")[0]))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** The generated module's text. Stable output, so the drift check can compare bytes. */
export function renderCatalogModule(entries: CatalogEntry[]): string {
  const ids = entries.map((e) => JSON.stringify(e.id)).join(" | ");
  return `// Generated by scripts/build-catalog.ts from data/*.yaml. Do not edit; run \`npm run build:catalog\`.
import type { CatalogEntry } from "../schema.js";

/** Every catalog entry id. */
export type EntryId = ${ids || "never"};

/**
 * The compiled catalog, in the order of data/errors.yaml then the other catalog files. Kept as JSON text:
 * V8 parses a JSON.parse string much faster than an object literal this size (cold start), and the
 * build has already checked every entry with zod.
 */
export const ENTRIES: readonly CatalogEntry[] = JSON.parse(${JSON.stringify(JSON.stringify(entries))});
`;
}
