import type { Catalog } from "./catalog/index.js";
import { match } from "./match/index.js";
import { type ParseOptions, parseWithText } from "./parse/index.js";
import type { Explanation, Match, ParsedAuthError } from "./schema.js";

export interface ExplainOptions extends ParseOptions {
  catalog?: Catalog;
  /** Most matches returned (default 5). */
  limit?: number;
}

/**
 * Parse any input (string, Error, token-endpoint body, anything) and rank the catalog entries that
 * explain it. Never throws. `matches` is empty when nothing was recognised.
 *
 * @example
 * try { await client.getSecret("x"); }
 * catch (err) { const { matches } = explain(err); console.error(matches[0]?.title); }
 */
export function explain(input: unknown, options: ExplainOptions = {}): Explanation {
  const { parsed, text } = parseWithText(input, options);
  const matches = match(parsed, { catalog: options.catalog, limit: options.limit, text });
  return { parsed, matches, summary: summarize(parsed, matches) };
}

/** One line for logs and notifications: who failed, with what, and the best explanation. */
export function summarize(parsed: ParsedAuthError, matches: readonly Match[]): string {
  const what: string[] = [];
  if (parsed.credential) what.push(parsed.credential);
  if (parsed.codes.length > 0) what.push(parsed.codes.map((c) => `AADSTS${c}`).join(", "));
  if (parsed.error) what.push(parsed.error);
  if (parsed.status !== undefined) what.push(`HTTP ${parsed.status}`);
  const head = what.join(" ");
  const top = matches[0];
  if (!top) return head ? `${head}: no catalog entry matches` : "No Entra authentication failure recognised";
  return `${head ? `${head}: ` : ""}${top.title} (${top.id})`;
}
