/**
 * The four tools of `aadsts mcp`, as plain functions: text in, a Markdown answer and a JSON-safe object
 * out. They know nothing of the MCP SDK (src/mcp/server.ts registers them), so they are tested and used
 * without it. Every answer passes through {@link redacted} before it leaves: input an assistant pastes can
 * hold a client secret or a token, and none of it may come back.
 */

import { entryView } from "../catalog/entry-view.js";
import { type Catalog, defaultCatalog, lookupAll } from "../catalog/index.js";
import { search } from "../catalog/search.js";
import { explain } from "../explain.js";
import { redact } from "../redact.js";
import { render, renderEntry } from "../render/index.js";
import { escapeMarkdown } from "../render/markup.js";
import { type Hit, scanAll } from "../scan/index.js";
import type { Retryable, Sdk } from "../schema.js";

/** What each tool returns: Markdown for the assistant to read or quote, and the same facts as data. */
export interface ToolAnswer {
  markdown: string;
  data: Record<string, unknown>;
  /** Nothing was recognised or found (the answer says what to try instead). */
  empty: boolean;
}

/** Options shared by the tools. */
export interface ToolOptions {
  catalog?: Catalog;
}

/** Most failures listed per group in a scan_log answer (the count is always exact). */
const MAX_LINES_PER_GROUP = 20;

/** A value with every string in it redacted, at any depth. Keys are kept; they are field names. */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redact(value).text as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v);
    return out as T;
  }
  return value;
}

/** The last step before an answer leaves: secrets out of the Markdown and out of every string in the data. */
export function redacted(answer: ToolAnswer): ToolAnswer {
  return { markdown: redact(answer.markdown).text, data: redactDeep(answer.data), empty: answer.empty };
}

const codeList = (codes: readonly number[]) => codes.map((c) => `AADSTS${c}`).join(", ");

/** explain_error: any error text (stack trace, SDK message, token endpoint body) explained. */
export function explainError(text: string, options: ToolOptions & { sdk?: Sdk } = {}): ToolAnswer {
  const catalog = options.catalog ?? defaultCatalog;
  const ex = explain(text, { catalog, redact: true, limit: 3, ...(options.sdk ? { sdk: options.sdk } : {}) });
  const recognised = ex.matches.length > 0;
  return redacted({
    markdown: render(ex, { format: "markdown", catalog }),
    data: { recognised, summary: ex.summary, explanation: JSON.parse(JSON.stringify(ex)) },
    empty: !recognised,
  });
}

/** lookup_error: one catalog entry by code (7000215, AADSTS7000215), entry id or symbolic name. */
export function lookupError(query: string, options: ToolOptions & { sdk?: Sdk } = {}): ToolAnswer {
  const catalog = options.catalog ?? defaultCatalog;
  const q = query.trim();
  const [entry, ...others] = lookupAll(q, catalog);
  if (!entry) {
    const near = search(q, { catalog, limit: 3 });
    const list = near.map((r) => `- \`${r.id}\`: ${escapeMarkdown(r.title)}`).join("\n");
    return redacted({
      markdown: `No catalog entry for \`${escapeMarkdown(q)}\`.${near.length > 0 ? ` Closest by search:\n\n${list}\n` : " Try search_errors with plain words.\n"}`,
      data: { found: false, query: q, suggestions: near.map((r) => ({ id: r.id, title: r.title })) },
      empty: true,
    });
  }
  const sdk = options.sdk;
  let markdown = renderEntry(entry, { format: "markdown", catalog, ...(sdk ? { sdk } : {}) });
  if (others.length > 0)
    markdown += `\nAlso for this code: ${others.map((o) => `\`${o.id}\` (${o.match.credentials.join(", ") || "any credential"})`).join(", ")}\n`;
  return redacted({
    markdown,
    data: {
      found: true,
      query: q,
      entry: JSON.parse(JSON.stringify(entryView(entry, sdk))),
      others: others.map((o) => ({ id: o.id, title: o.title, credentials: [...o.match.credentials] })),
    },
    empty: false,
  });
}

/** search_errors: catalog entries ranked against plain words ("secret expired", "redirect uri"). */
export function searchErrors(words: string, options: ToolOptions & { limit?: number } = {}): ToolAnswer {
  const catalog = options.catalog ?? defaultCatalog;
  const results = search(words, { catalog, limit: options.limit ?? 8 });
  const markdown =
    results.length === 0
      ? "Nothing in the catalog matches those words. Try other words, or explain_error with the full error text.\n"
      : `${results
          .map(
            (r) =>
              `- \`${r.id}\`${r.codes.length > 0 ? ` (${codeList(r.codes)})` : ""}: ${escapeMarkdown(r.title)}`,
          )
          .join("\n")}\n\nCall lookup_error with an id for the causes and the fix.\n`;
  return redacted({
    markdown,
    data: {
      results: results.map((r) => ({
        id: r.id,
        title: r.title,
        codes: r.codes,
        ...(r.name ? { name: r.name } : {}),
      })),
    },
    empty: results.length === 0,
  });
}

/** One group of a scan_log answer: the failures that share a top entry (or, unmatched, a code). */
interface ScanGroup {
  key: string;
  id?: string;
  title: string;
  codes: number[];
  count: number;
  /** Line ranges of the first failures ("12" or "40-47"), at most {@link MAX_LINES_PER_GROUP}. */
  lines: string[];
  firstTimestamp?: string;
  lastTimestamp?: string;
  credentials: string[];
  summary?: string;
  retryable?: Retryable;
  actor?: string;
  /** The first failure's text, redacted. */
  example: string;
}

function groupKey(hit: Hit): string {
  const top = hit.matches[0];
  if (top) return top.id;
  return hit.parsed.codes.length > 0 ? codeList(hit.parsed.codes) : "(unrecognised)";
}

/** scan_log: every failure in a log excerpt, grouped by what explains it, most frequent first. */
export async function scanLog(log: string, options: ToolOptions = {}): Promise<ToolAnswer> {
  const catalog = options.catalog ?? defaultCatalog;
  const { hits, summary } = await scanAll([log], { catalog, redact: true });
  const groups = new Map<string, ScanGroup>();
  for (const hit of hits) {
    const key = groupKey(hit);
    const top = hit.matches[0];
    let g: ScanGroup | undefined = groups.get(key);
    if (!g) {
      g = {
        key,
        title: top?.title ?? "Not in the catalog",
        codes: [],
        count: 0,
        lines: [],
        credentials: [],
        example: hit.excerpt,
        ...(top
          ? {
              id: top.id,
              summary: top.description.split("\n")[0],
              retryable: top.retryable,
              actor: top.actor,
            }
          : {}),
      };
      groups.set(key, g);
    }
    g.count++;
    for (const c of hit.parsed.codes) if (!g.codes.includes(c)) g.codes.push(c);
    const cred = hit.parsed.credential;
    if (cred && !g.credentials.includes(cred)) g.credentials.push(cred);
    if (g.lines.length < MAX_LINES_PER_GROUP)
      g.lines.push(hit.endLine > hit.startLine ? `${hit.startLine}-${hit.endLine}` : `${hit.startLine}`);
    const t = hit.parsed.timestamp;
    if (t) {
      if (!g.firstTimestamp || t < g.firstTimestamp) g.firstTimestamp = t;
      if (!g.lastTimestamp || t > g.lastTimestamp) g.lastTimestamp = t;
    }
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count);
  const head = `${summary.hits} authentication failure${summary.hits === 1 ? "" : "s"} in ${summary.lines} line${summary.lines === 1 ? "" : "s"}${sorted.length > 0 ? `, ${sorted.length} kind${sorted.length === 1 ? "" : "s"}` : ""}.`;
  const sections = sorted.map((g) => {
    const parts = [
      `## ${escapeMarkdown(g.title)}${g.id ? ` (\`${g.id}\`)` : ""}: ${g.count}×`,
      "",
      ...(g.codes.length > 0 ? [`- Codes: ${codeList(g.codes)}`] : []),
      ...(g.credentials.length > 0 ? [`- Credentials: ${g.credentials.join(", ")}`] : []),
      `- Lines: ${g.lines.join(", ")}${g.count > g.lines.length ? ", …" : ""}`,
      ...(g.firstTimestamp
        ? [
            `- Time: ${g.firstTimestamp}${g.lastTimestamp && g.lastTimestamp !== g.firstTimestamp ? ` to ${g.lastTimestamp}` : ""}`,
          ]
        : []),
      ...(g.actor ? [`- Who fixes it: ${g.actor}; retry helps: ${g.retryable}`] : []),
      ...(g.summary ? ["", g.summary] : []),
      "",
      "```text",
      g.example.split("```").join("'''"),
      "```",
    ];
    return parts.join("\n");
  });
  const markdown = `${head}${sorted.length > 0 ? ` Call lookup_error with an id for the full fix.\n\n${sections.join("\n\n")}\n` : " Nothing to explain.\n"}`;
  return redacted({
    markdown,
    data: { lines: summary.lines, failures: summary.hits, groups: sorted },
    empty: sorted.length === 0,
  });
}
