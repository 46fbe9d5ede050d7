import { atBoundary } from "./boundary.js";
import { type Catalog, defaultCatalog } from "./catalog/index.js";
import { lookupUrl } from "./catalog/lookup-url.js";
import { memberFailed, rank } from "./match/index.js";
import { MAX_INPUT_LENGTH, type ParseOptions, parseOptions, readInput } from "./parse/index.js";
import { readerSdk } from "./parse/producers/index.js";
import { PATTERNS } from "./patterns.js";
import type { ChainStep, Explanation, Match, ParsedAuthError, Sdk } from "./schema.js";

/** Options of {@link explain}: the parse options plus the catalog, the SDK for advice and the number of matches. */
export interface ExplainOptions extends ParseOptions {
  /** Catalog to match against (default: the built-in one; see {@link loadCatalog} for your own entries). */
  catalog?: Catalog;
  /** Give SDK-specific advice for this SDK rather than the one the error's shape shows. */
  sdk?: Sdk;
  /** Most matches returned (default 5). */
  limit?: number;
}

/**
 * Parse any input (string, Error, token-endpoint body, anything) and rank the catalog entries that
 * explain it. Never throws (with `AADSTS_DEBUG=1`, an internal error is rethrown with its stack).
 * `matches` is empty when nothing was recognised.
 *
 * @example
 * ```ts
 * import { explain } from "aadsts";
 *
 * try {
 *   await client.getSecret("db-password");
 * } catch (err) {
 *   const { summary, matches } = explain(err);
 *   console.error(summary); // "ClientSecretCredential AADSTS7000222: Expired client secret (client-secret-expired)"
 *   console.error(matches[0]?.mitigation); // what to do, in Markdown
 * }
 * ```
 */
export function explain(input: unknown, options: ExplainOptions = {}): Explanation {
  return atBoundary(
    () => explainInput(input, explainOptions(options)),
    () => ({ parsed: { codes: [] }, matches: [], summary: NOT_EXPLAINED }),
  );
}

/** What explain() says when an internal error stopped it (without AADSTS_DEBUG=1). */
const NOT_EXPLAINED = "aadsts could not read this input (an internal error; AADSTS_DEBUG=1 shows it)";

/** Options as given by a caller without types: a value of the wrong type is the default. */
function explainOptions(options: unknown): ExplainOptions {
  if (typeof options !== "object" || options === null) return {};
  const { catalog, sdk, limit } = options as Record<string, unknown>;
  return {
    ...parseOptions(options),
    ...(isCatalog(catalog) ? { catalog } : {}),
    ...(typeof sdk === "string" ? { sdk: sdk as Sdk } : {}),
    ...(typeof limit === "number" ? { limit } : {}),
  };
}

const isCatalog = (value: unknown): value is Catalog =>
  typeof value === "object" && value !== null && typeof (value as Catalog).byCode === "function";

function explainInput(input: unknown, options: ExplainOptions): Explanation {
  const { parsed, text, more } = readInput(input, options);
  const catalog = options.catalog ?? defaultCatalog;
  const matches = rank(parsed, {
    catalog,
    limit: options.limit,
    text,
    ...(options.sdk ? { sdk: options.sdk } : {}),
  });
  const ex: Explanation = { parsed, matches, summary: "" };
  if (parsed.chain && parsed.chain.length > 0) {
    // Each member's own best match, ranked once: its step names it, and the deciding member's leads.
    const sdk = options.sdk ?? readerSdk(parsed);
    const own = parsed.chain.map((member) => rank(member, { catalog, limit: 1, ...(sdk ? { sdk } : {}) })[0]);
    ex.chain = parsed.chain.map((member, i) => chainStep(member, own[i]));
    ex.decidedBy = decide(parsed, ex.chain);
    ex.matches = deciderFirst(parsed, ex, own, options);
  }
  ex.summary = summarize(parsed, ex.matches);
  // Codes the catalog does not know are said plainly, with Microsoft's own lookup page for each.
  const unknown = parsed.codes.filter((c) => catalog.byCode(c).length === 0);
  if (unknown.length > 0) {
    ex.unknownCodes = unknown.map((code) => ({
      code,
      lookup: lookupUrl(code),
    }));
    ex.summary += `. ${unknown.map((c) => `AADSTS${c}`).join(", ")} ${unknown.length === 1 ? "is" : "are"} not in the aadsts catalog`;
  }
  if (more > 0) {
    ex.moreFailures = more;
    ex.summary += `. The text holds ${more} more failure${more === 1 ? "" : "s"}; this explains the first (aadsts scan lists each)`;
  }
  if (parsed.truncated)
    ex.summary += `. The input is longer than ${(options.maxLength ?? MAX_INPUT_LENGTH).toLocaleString("en-US")} characters; only that much was read`;
  if (ex.decidedBy) ex.summary += `. ${ex.decidedBy.reason}`;
  return ex;
}

/**
 * A member failed when a service answered it (a code, an OAuth error or an HTTP status) and it is not an
 * "unavailable" error; else it was unavailable. Its detail is its own message, without the error class
 * that the text form prints before it, so an error object and its String() give the same step.
 */
function chainStep(member: ParsedAuthError, best: Match | undefined): ChainStep {
  const message = member.message?.replace(PATTERNS.leadingErrorClass, "");
  const detail =
    member.codes.length > 0
      ? `${member.codes.map((c) => `AADSTS${c}`).join(", ")}${message ? `: ${message}` : ""}`
      : (message ?? member.errorDescription ?? "");
  const step: ChainStep = { outcome: memberFailed(member) ? "failed" : "unavailable", detail };
  if (member.credential) step.credential = member.credential;
  if (best) step.match = { id: best.id, title: best.title, score: best.score };
  return step;
}

/**
 * The member that decided a chain (the first that got an answer rather than being unavailable) gives the
 * top match: its own best match, ranked on its own text, goes first, and the chain's matches follow.
 */
function deciderFirst(
  parsed: ParsedAuthError,
  ex: Explanation,
  own: readonly (Match | undefined)[],
  options: ExplainOptions,
): Match[] {
  const at = ex.chain?.findIndex((s) => s.outcome === "failed") ?? -1;
  const member = at >= 0 ? parsed.chain?.[at] : undefined;
  const decider = at >= 0 ? own[at] : undefined;
  if (!member || !decider) return ex.matches;
  const decided = `${member.credential ?? "a credential"} decided the chain`;
  const [first, ...rest] = ex.matches;
  if (first && decider.id === first.id) return [{ ...first, reasons: [decided, ...first.reasons] }, ...rest];
  const top: Match = { ...decider, reasons: [decided, ...decider.reasons] };
  // One title, one match: the chain's list loses the member's entry and any entry with its title.
  const others = ex.matches.filter((m) => m.id !== decider.id && m.title !== decider.title);
  return [top, ...others].slice(0, options.limit ?? 5);
}

/** Chains stop at the first credential that failed rather than was unavailable; that one decided. */
function decide(parsed: ParsedAuthError, chain: ChainStep[]): NonNullable<Explanation["decidedBy"]> {
  const name = parsed.credential ?? "The credential chain";
  const failed = chain.find((s) => s.outcome === "failed");
  if (!failed) return { reason: `Every credential ${name} tried was unavailable (${chain.length} tried).` };
  const who = failed.credential ?? "a credential";
  const why = failed.match ? ` (${failed.match.title}, ${failed.match.id})` : "";
  return {
    ...(failed.credential ? { credential: failed.credential } : {}),
    reason: `${name} stopped at ${who}: ${failed.detail}${why}.`,
  };
}

/**
 * One line for logs and notifications: who failed, with what, and the best explanation. This is the
 * `summary` of {@link explain}; {@link scan} hits carry `parsed` and `matches`, so call it for those.
 */
export function summarize(parsed: ParsedAuthError, matches: readonly Match[]): string {
  const what: string[] = [];
  if (parsed.credential) what.push(parsed.credential);
  if (parsed.codes.length > 0) what.push(parsed.codes.map((c) => `AADSTS${c}`).join(", "));
  if (parsed.error) what.push(parsed.error);
  if (parsed.status !== undefined) what.push(`HTTP ${parsed.status}`);
  const head = what.join(" ");
  const top = matches[0];
  if (!top) return head ? `${head}: no catalog entry matches` : "No Entra authentication failure recognised";
  const title = top.cause ? `${top.title}: ${top.cause.title}` : top.title;
  return `${head ? `${head}: ` : ""}${top.confidence === "low" ? "possible cause: " : ""}${title} (${top.id})`;
}
