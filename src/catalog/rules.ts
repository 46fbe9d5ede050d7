/**
 * Every rule a catalog entry is held to, in one module. The build (scripts/build-catalog.ts, for
 * data/*.yaml) and loadCatalog (a user's file) both call these functions, so the two cannot drift apart.
 * The entry's shape itself is checked by one zod schema (CatalogEntrySourceSchema, and UserEntrySchema
 * derived from it). Browser-safe: no `node:` imports, no I/O; the build passes file contents in.
 */

import { httpsUrl, parseUrl } from "../sanitize.js";
import type { CatalogEntry, EntryMatch, Link } from "../schema.js";
import { matchIsUsable } from "../schema.js";
import { lookupUrl } from "./lookup-url.js";
import { scanMarkdown } from "./markdown.js";

/** Hosts a built-in catalog link may point to. Anything else is a typo or a link we cannot vouch for. */
export const ALLOWED_HOSTS: ReadonlySet<string> = new Set([
  "learn.microsoft.com",
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

export { lookupUrl };

/**
 * Why `url` is not an acceptable catalog link, or undefined when it is: it must parse, be https, and (for
 * the built-in catalog) be on {@link ALLOWED_HOSTS}. A user catalog links its own wiki: `anyHost`.
 */
export function linkProblem(url: string, anyHost = false): string | undefined {
  const given = parseUrl(url);
  if (!given) return `link ${JSON.stringify(url)} is not a URL`;
  const parsed = httpsUrl(given);
  if (!parsed) return `link ${JSON.stringify(url)} is not an https URL`;
  if (!anyHost && parsed.hostname === "docs.microsoft.com")
    return `link ${JSON.stringify(url)} is on docs.microsoft.com; use its learn.microsoft.com page`;
  if (!anyHost && !ALLOWED_HOSTS.has(parsed.hostname))
    return `link ${JSON.stringify(url)} is on a host outside the allow-list (src/catalog/rules.ts)`;
  return undefined;
}

export interface MarkdownRules {
  /** Accept any https host (user catalogs). */
  anyHost?: boolean;
  /** Resolve a `#anchor` link to an absolute URL; undefined: the anchor does not exist. Without it, anchors are refused. */
  anchor?: (name: string) => string | undefined;
}

/**
 * Check catalog Markdown: no raw HTML, no images, every link acceptable ({@link linkProblem}). Returns the
 * Markdown with anchors made absolute, its links (each URL once, in order) and the problems found.
 */
export function checkMarkdown(
  markdown: string,
  rules: MarkdownRules = {},
): { markdown: string; links: Link[]; problems: string[] } {
  const scanned = scanMarkdown(markdown);
  const problems = [...scanned.problems];
  let out = markdown.trimEnd();
  const links: Link[] = [];
  for (const link of scanned.links) {
    let url = link.href;
    if (url.startsWith("#") && rules.anchor) {
      const name = url.slice(1);
      const resolved = rules.anchor(name);
      if (resolved === undefined) {
        problems.push(`link to '#${name}', a section the entry's guide does not have`);
        continue;
      }
      out = out.split(`](#${name})`).join(`](${resolved})`);
      url = resolved;
    } else {
      const problem = linkProblem(url, rules.anyHost);
      if (problem) {
        problems.push(problem);
        continue;
      }
    }
    if (!links.some((l) => l.url === url)) links.push({ text: link.text, url });
  }
  return { markdown: out, links, problems };
}

/** A problem with one field of one entry. */
export interface EntryProblem {
  field: string;
  message: string;
}

/**
 * The rules for one entry beyond its shape: a plain-text description, a match that can fire (for every
 * kind but guidance), and related ids that exist and are not the entry itself.
 */
export function entryProblems(
  e: { id: string; kind: CatalogEntry["kind"]; description: string; match: EntryMatch; related: string[] },
  exists: (id: string) => boolean,
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const description = scanMarkdown(e.description);
  if (description.links.length > 0 || description.problems.length > 0)
    problems.push({
      field: "description",
      message: "description is plain text; put links in the mitigation",
    });
  if (e.kind !== "guidance" && !matchIsUsable(e.match))
    problems.push({
      field: "match",
      message: "needs codes, messages, hints, status, errors, suberrors or fallback to be matchable",
    });
  for (const r of e.related) {
    if (r === e.id) problems.push({ field: "related", message: "an entry cannot be related to itself" });
    else if (!exists(r)) problems.push({ field: "related", message: `'${r}' is not an entry id` });
  }
  return problems;
}

/** Entries listing the same code where neither names a credential: lookup could not tell them apart. */
export function codeConflicts(
  entries: ReadonlyArray<Pick<CatalogEntry, "id" | "match" | "retired">>,
): string[] {
  const general = new Map<number, string>();
  const problems: string[] = [];
  for (const e of entries) {
    if (e.match.credentials.length > 0 || e.retired) continue;
    for (const c of e.match.codes) {
      const other = general.get(c);
      if (other)
        problems.push(`AADSTS${c} is listed by ${other} and ${e.id} with no credential narrowing either`);
      general.set(c, e.id);
    }
  }
  return problems;
}

/**
 * For a new user entry: the existing entry that already explains one of its codes for an overlapping set
 * of credentials (so the new one would shadow it instead of overriding it), or undefined.
 */
export function shadowedEntry(
  match: EntryMatch,
  byCode: (code: number) => readonly CatalogEntry[],
): { code: number; entry: CatalogEntry } | undefined {
  const overlaps = (e: CatalogEntry) =>
    e.match.credentials.length === 0 ||
    match.credentials.length === 0 ||
    e.match.credentials.some((c) => match.credentials.includes(c));
  for (const code of match.codes) {
    const entry = byCode(code).find((e) => !e.retired && overlaps(e));
    if (entry) return { code, entry };
  }
  return undefined;
}

/** Every code of a published list that no entry explains (`list` names the list in the message). */
export function missingCodes(
  entries: ReadonlyArray<Pick<CatalogEntry, "match">>,
  codes: readonly number[],
  list: string,
): string[] {
  const have = new Set(entries.flatMap((e) => e.match.codes));
  return codes.filter((c) => !have.has(c)).map((c) => `AADSTS${c} from ${list} has no entry`);
}

/** Published ids that are gone: an id is never renamed, reused or deleted (retire the entry instead). */
export function deletedIds(
  entries: ReadonlyArray<Pick<CatalogEntry, "id">>,
  published: readonly string[],
): string[] {
  const ids = new Set(entries.map((e) => e.id));
  return published
    .filter((id) => !ids.has(id))
    .map((id) => `published id '${id}' is gone (ids are never deleted: set retired: true instead)`);
}

/** One row of Microsoft's reference table (data/aadsts-codes.tsv). */
export interface ReferenceRow {
  code: number;
  name: string;
  topic: string;
  userFixable: "yes" | "maybe" | "no";
  retryable: boolean;
}

/**
 * The reference table and the entries that explain its codes must agree on the facts both hold: the
 * symbolic name, the topic, and the user-fixable and retry judgements of the code's own entry.
 */
export function referenceDisagreements(
  entries: ReadonlyArray<
    Pick<CatalogEntry, "id" | "kind" | "name" | "topic" | "userFixable" | "retryable" | "match">
  >,
  rows: readonly ReferenceRow[],
): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const own = entries.find((e) => e.kind === "code" && e.match.codes.includes(row.code));
    if (!own) continue;
    const differs = (field: string, tsv: unknown, yaml: unknown) => {
      if (tsv !== yaml)
        problems.push(
          `${own.id}: ${field} is ${JSON.stringify(yaml)} but data/aadsts-codes.tsv says ${JSON.stringify(tsv)}`,
        );
    };
    differs("name", row.name || undefined, own.name);
    differs("topic", row.topic, own.topic);
    differs("userFixable", row.userFixable, own.userFixable);
    differs("retryable", row.retryable, own.retryable);
  }
  return problems;
}

/** The rows of data/aadsts-codes.tsv (header: code, name, category, user_fixable, retryable). */
export function parseReferenceTsv(tsv: string): ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  for (const line of tsv.split("\n").slice(1)) {
    const [code, name, topic, userFixable, retryable] = line.split("\t");
    const n = Number(code);
    if (!Number.isInteger(n) || n <= 0) continue;
    rows.push({
      code: n,
      name: name ?? "",
      topic: topic ?? "",
      userFixable: userFixable === "yes" || userFixable === "maybe" ? userFixable : "no",
      retryable: retryable?.trim() === "yes",
    });
  }
  return rows;
}
