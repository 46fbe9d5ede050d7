/**
 * One neutral model of what we show, built once from an Explanation; every format renders this model.
 * Fields here are still raw text: each renderer escapes or sanitises for its own medium.
 */
import { type Catalog, defaultCatalog } from "../catalog/index.js";
import { PRODUCER_LABELS } from "../parse/producers/index.js";
import { PATTERNS } from "../patterns.js";
import type { Confidence, Explanation, Link, Match, ParsedAuthError } from "../schema.js";

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

export interface RenderModel {
  summary: string;
  /** Codes the catalog has no entry for, with Microsoft's lookup page. */
  unknownCodes: Array<{ code: number; lookup: string }>;
  /** For a chain: which credential decided the outcome. */
  decidedBy?: string;
  fields: FieldRow[];
  chain: ChainRow[];
  best?: MatchView;
  alternatives: MatchView[];
  recognised: boolean;
}

export const FIELD_LABELS: ReadonlyArray<readonly [keyof ParsedAuthError, string]> = [
  ["credential", "Credential"],
  ["sdk", "SDK"],
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
  try {
    const url = new URL(value);
    if (url.protocol !== "https:") return undefined;
    return ["login.microsoftonline.com", "aka.ms"].includes(url.hostname) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Catalog text can come from a user catalog: it loses control characters in every format. */
const inert = (text: string) => text.replace(PATTERNS.unsafeControl, "");

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
  const [best, ...rest] = ex.matches;
  return {
    summary: ex.summary,
    ...(ex.decidedBy ? { decidedBy: ex.decidedBy.reason } : {}),
    unknownCodes: ex.unknownCodes ?? [],
    fields,
    chain,
    ...(best ? { best: view(best, catalog, true) } : {}),
    alternatives: rest.map((m) => view(m, catalog, true)),
    recognised: ex.matches.length > 0,
  };
}

/** A catalog entry on its own (lookup): the same view, without score and reasons. */
export function entryModel(
  m: Omit<Match, "score" | "reasons" | "confidence" | "cause">,
  catalog: Catalog = defaultCatalog,
): RenderModel {
  const v = view({ ...m, score: 0, reasons: [], confidence: "high" }, catalog, false);
  return {
    summary: `${m.title} (${m.id})`,
    unknownCodes: [],
    fields:
      m.codes.length > 0
        ? [{ label: "AADSTS codes", value: m.codes.map((c) => `AADSTS${c}`).join(", ") }]
        : [],
    chain: [],
    best: v,
    alternatives: [],
    recognised: true,
  };
}
