/**
 * One neutral model of what we show: an ordered list of sections, built once from an Explanation, a catalog
 * entry or the catalog's list. Every word a reader sees is chosen here; each renderer (text and ANSI in
 * terminal.ts, Markdown and HTML in markup.ts) only turns sections into its medium. Texts are still raw:
 * each renderer escapes or sanitises them for its medium.
 */
import { type Catalog, defaultCatalog } from "../catalog/index.js";
import { PRODUCER_LABELS } from "../parse/producers/index.js";
import { httpsUrl, stripControl } from "../sanitize.js";
import type { CatalogEntry, Confidence, Explanation, Link, Match, ParsedAuthError } from "../schema.js";
import { CATEGORIES } from "../vocab.js";

export interface FieldRow {
  label: string;
  value: string;
  /** A link for the value, when the value is itself a URL we can vouch for. */
  href?: string;
}

export interface ChainRow {
  credential: string;
  outcome: string;
  entry?: { id: string; title: string };
}

export interface RelatedRef {
  id: string;
  title: string;
}

export interface MatchView {
  id: string;
  title: string;
  /** What a heading says: the title, the cause the error shows, and "Possible cause" for a low-confidence guess. */
  headline: string;
  /** How sure the match is (absent for a catalog entry shown on its own). */
  confidence?: Confidence;
  score?: number;
  reasons: string[];
  description: string;
  mitigation: string;
  links: Link[];
  related: RelatedRef[];
  source: Match["source"];
  actor: Match["actor"];
  /** The entry's `retryable` in words, the same in every format: "may succeed", "will not help" or "unknown". */
  retry: string;
}

/** One item of the line under a match: who acts, whether retrying helps, the source. */
export interface MetaItem {
  label: string;
  value: string;
  href?: string;
}

/** One entry of the list view. */
export interface EntryRow {
  id: string;
  /** "AADSTS7000215, AADSTS7000222", or "" for an entry without codes. */
  codes: string;
  name: string;
  /** The credentials the entry is written for; none means any. */
  credentials: readonly string[];
  title: string;
}

/** A part of the output, in the order it is shown. */
export type Section =
  /** The heading: the best match's headline and id, or the summary when nothing matched. */
  | { kind: "title"; text: string; id?: string }
  /** One sentence under the title: what the match rests on. */
  | { kind: "reasons"; text: string }
  | { kind: "fields"; columns: readonly [string, string]; rows: FieldRow[] }
  /** A sentence with a link at its end (a code the catalog lacks, and Microsoft's page for it). */
  | { kind: "notice"; text: string; link: string }
  | {
      kind: "chain";
      heading: string;
      /** Which credential decided the outcome. */
      note?: string;
      columns: readonly [string, string, string];
      rows: ChainRow[];
    }
  /** Plain text under a heading (input-derived or catalog prose). */
  | { kind: "text"; heading: string; text: string }
  /** Catalog Markdown under a heading. */
  | { kind: "markdown"; heading: string; markdown: string }
  | { kind: "links"; heading: string; links: Link[] }
  | { kind: "related"; heading: string; items: RelatedRef[] }
  | { kind: "meta"; items: MetaItem[] }
  /** A sentence on its own (nothing matched; the list's count). */
  | { kind: "note"; text: string }
  | { kind: "alternatives"; heading: string; items: AlternativeItem[] }
  /** One group of the list view. */
  | { kind: "entries"; heading: string; columns: readonly string[]; rows: EntryRow[] };

/** Another possible cause, in one line. */
export interface AlternativeItem {
  headline: string;
  id: string;
  /** "score 50, medium confidence" */
  detail: string;
  reasons: string;
}

/** What every format renders. */
export interface RenderModel {
  sections: Section[];
  /** What the output is, for a page's styles: an explanation (or one entry), or the catalog's list. */
  view?: "list";
}

export const FIELD_LABELS: ReadonlyArray<readonly [keyof ParsedAuthError, string]> = [
  ["credential", "Credential"],
  ["sdk", "SDK"],
  ["host", "Printed by"],
  ["runtime", "Runtime"],
  ["codes", "AADSTS codes"],
  ["error", "OAuth error"],
  ["suberror", "Sub-error"],
  ["status", "HTTP status"],
  ["request", "Request"],
  ["tenant", "Tenant"],
  ["clientId", "Client ID"],
  ["message", "Message"],
  ["traceId", "Trace ID"],
  ["correlationId", "Correlation ID"],
  ["timestamp", "Timestamp"],
  ["errorUri", "Error URI"],
  ["serviceError", "Service error"],
  ["claims", "Claims challenge"],
  ["troubleshootingUrl", "SDK guide link"],
  ["exception", "Exception"],
  // Fields only some producers print (the CLI's suggested command, PowerShell's cmdlet).
  ...PRODUCER_LABELS,
];

function fieldValue(parsed: ParsedAuthError, key: keyof ParsedAuthError): FieldRow["value"] | undefined {
  switch (key) {
    case "codes":
      return parsed.codes.length > 0 ? parsed.codes.map((c) => `AADSTS${c}`).join(", ") : undefined;
    case "status":
      return parsed.status === undefined
        ? undefined
        : `${parsed.status}${parsed.statusText ? ` ${parsed.statusText}` : ""}`;
    case "request":
      return parsed.request ? `${parsed.request.method} ${parsed.request.url}` : undefined;
    case "serviceError":
      return parsed.serviceError
        ? `${parsed.serviceError.code}${parsed.serviceError.message ? `: ${parsed.serviceError.message}` : ""}`
        : undefined;
    default: {
      const v = parsed[key];
      return typeof v === "string" && v ? v : undefined;
    }
  }
}

/** How the source of an entry is named: a guide, or the user catalog file it came from. */
export function sourceLabel(source: Match["source"]): string {
  return source.guide === "user" ? `your catalog ${source.section}` : `${source.guide} guide`;
}

/** Only links to Microsoft's own error pages and aka.ms are made clickable from input-derived values. */
function trustedHref(value: string): string | undefined {
  const url = httpsUrl(value);
  return url && ["login.microsoftonline.com", "aka.ms"].includes(url.hostname) ? url.href : undefined;
}

/** Catalog text can come from a user catalog: it loses control characters in every format. */
const inert = stripControl;

function view(m: Match, catalog: Catalog, withScore: boolean): MatchView {
  const titled = m.cause ? `${m.title}: ${m.cause.title}` : m.title;
  return {
    id: m.id,
    title: inert(m.title),
    headline: inert(withScore && m.confidence === "low" ? `Possible cause: ${titled}` : titled),
    ...(withScore ? { score: m.score, confidence: m.confidence } : {}),
    reasons: (m.reasons ?? []).map(inert),
    description: inert(m.description),
    mitigation: inert(m.mitigation),
    links: m.links.map((l) => ({ text: inert(l.text), url: inert(l.url) })),
    related: m.related.flatMap((id) => {
      const e = catalog.byId(id);
      return e ? [{ id, title: inert(e.title) }] : [];
    }),
    source: m.source,
    actor: m.actor,
    retry: m.retryable === "unknown" ? "unknown" : m.retryable ? "may succeed" : "will not help",
  };
}

/** Words every format shows, each written once. */
export const WORDS = {
  fieldColumns: ["Field", "Value"],
  chainHeading: "Credentials tried",
  chainColumns: ["Credential", "Outcome", "Best match"],
  happened: "What happened",
  toDo: "What to do",
  links: "Links",
  seeAlso: "See also",
  alternatives: "Other possible causes",
  nothing: "No catalog entry matches this text.",
  whoActs: "Who acts",
  retry: "Retrying unchanged",
  source: "Source",
  listColumns: ["Id", "Codes", "Name", "Credentials", "Title"],
  anyCredential: "any",
} as const;

const codeList = (codes: readonly number[]) => codes.map((c) => `AADSTS${c}`).join(", ");

/** The sentence under a title: how sure the match is and what it rests on. */
function reasonsSection(m: MatchView): Section[] {
  if (m.score === undefined || m.reasons.length === 0) return [];
  return [
    {
      kind: "reasons",
      text: `Matched on (${m.confidence ?? "medium"} confidence): ${m.reasons.join("; ")}.`,
    },
  ];
}

/** What happened, what to do, links, related entries and the meta line of one match. */
function matchSections(m: MatchView): Section[] {
  const out: Section[] = [
    { kind: "text", heading: WORDS.happened, text: m.description },
    { kind: "markdown", heading: WORDS.toDo, markdown: m.mitigation },
  ];
  if (m.links.length > 0) out.push({ kind: "links", heading: WORDS.links, links: m.links });
  if (m.related.length > 0) out.push({ kind: "related", heading: WORDS.seeAlso, items: m.related });
  out.push({
    kind: "meta",
    items: [
      { label: WORDS.whoActs, value: m.actor },
      { label: WORDS.retry, value: m.retry },
      { label: WORDS.source, value: sourceLabel(m.source), ...(m.source.url ? { href: m.source.url } : {}) },
    ],
  });
  return out;
}

export function buildModel(ex: Explanation, catalog: Catalog = defaultCatalog): RenderModel {
  const parsed = ex.parsed;
  const fields: FieldRow[] = [];
  for (const [key, label] of FIELD_LABELS) {
    const value = fieldValue(parsed, key);
    if (value === undefined) continue;
    const href = key === "errorUri" || key === "troubleshootingUrl" ? trustedHref(value) : undefined;
    fields.push(href ? { label, value, href } : { label, value });
  }
  // What was done to the input is said, never silent.
  const input = [
    parsed.truncated ? "cut at the input limit; the rest was not read" : "",
    parsed.redacted ? "secrets redacted" : "",
  ].filter(Boolean);
  if (input.length > 0) fields.push({ label: "Input", value: input.join("; ") });
  if (ex.moreFailures)
    fields.push({
      label: "Other failures",
      value: `${ex.moreFailures} more in the input; this explains the first (aadsts scan lists each)`,
    });
  const chain: ChainRow[] = (ex.chain ?? []).map((step) => ({
    credential: step.credential ?? "(not named)",
    outcome: `${step.outcome}${step.detail ? `: ${step.detail}` : ""}`,
    ...(step.match ? { entry: { id: step.match.id, title: inert(step.match.title) } } : {}),
  }));
  const [first, ...rest] = ex.matches;
  const best = first ? view(first, catalog, true) : undefined;
  const sections: Section[] = [
    best ? { kind: "title", text: best.headline, id: best.id } : { kind: "title", text: ex.summary },
  ];
  if (best) sections.push(...reasonsSection(best));
  if (fields.length > 0) sections.push({ kind: "fields", columns: WORDS.fieldColumns, rows: fields });
  for (const u of ex.unknownCodes ?? [])
    sections.push({
      kind: "notice",
      text: `AADSTS${u.code} is not in the aadsts catalog. Microsoft's lookup:`,
      link: u.lookup,
    });
  if (chain.length > 0)
    sections.push({
      kind: "chain",
      heading: WORDS.chainHeading,
      ...(ex.decidedBy ? { note: ex.decidedBy.reason } : {}),
      columns: WORDS.chainColumns,
      rows: chain,
    });
  if (best) sections.push(...matchSections(best));
  else sections.push({ kind: "note", text: WORDS.nothing });
  if (rest.length > 0)
    sections.push({
      kind: "alternatives",
      heading: WORDS.alternatives,
      items: rest.map((m) => {
        const v = view(m, catalog, true);
        return {
          headline: v.headline,
          id: v.id,
          detail: `score ${v.score ?? ""}, ${v.confidence ?? "medium"} confidence`,
          reasons: v.reasons.join("; "),
        };
      }),
    });
  return { sections };
}

/** A catalog entry on its own (lookup): the same view, without score and reasons. */
export function entryModel(
  m: Omit<Match, "score" | "reasons" | "confidence" | "cause">,
  catalog: Catalog = defaultCatalog,
): RenderModel {
  const v = view({ ...m, score: 0, reasons: [], confidence: "high" }, catalog, false);
  const sections: Section[] = [{ kind: "title", text: v.headline, id: v.id }];
  if (m.codes.length > 0)
    sections.push({
      kind: "fields",
      columns: WORDS.fieldColumns,
      rows: [{ label: "AADSTS codes", value: codeList(m.codes) }],
    });
  sections.push(...matchSections(v));
  return { sections };
}

/**
 * The catalog's list: one group per category, in the order categories are declared, catalog order inside
 * a group, and the count at the end.
 */
export function listModel(entries: readonly CatalogEntry[]): RenderModel {
  const sections: Section[] = [];
  for (const category of CATEGORIES) {
    const group = entries.filter((e) => e.category === category);
    if (group.length === 0) continue;
    sections.push({
      kind: "entries",
      heading: `${category} (${group.length})`,
      columns: WORDS.listColumns,
      rows: group.map((e) => ({
        id: e.id,
        codes: codeList(e.match.codes),
        name: inert(e.name ?? ""),
        credentials: e.match.credentials.map(inert),
        title: inert(e.title),
      })),
    });
  }
  sections.push({
    kind: "note",
    text: `${entries.length} entries. 'aadsts lookup <id | code | name>' shows one.`,
  });
  return { sections, view: "list" };
}
