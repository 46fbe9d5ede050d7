/**
 * Rank catalog entries against a parsed error. Ranking is data, not branches: each signal an entry
 * shares with the error earns the score in SCORES, an entry's score is its best signal, and every extra
 * kind of signal adds one point (at most five) to break ties. Remaining ties keep catalog order.
 */
import { type Catalog, defaultCatalog, foldText, type IndexedEntry } from "../catalog/index.js";
import type { CatalogEntry, Match, ParsedAuthError } from "../schema.js";

/**
 * The score table, highest first. The order is the contract: code + credential, code, message phrase,
 * HTTP status, then credential fallback.
 */
export const SCORES = {
  /** The entry lists the AADSTS code and the failing credential. */
  codeAndCredential: 100,
  /** The entry lists the code and applies to any credential. */
  codeAnyCredential: 95,
  /** The entry lists the code; the error names no credential. */
  codeCredentialUnknown: 90,
  /** The entry lists the code but is written for another credential. */
  codeOtherCredential: 70,
  /** A message phrase of the entry appears, and the credential matches. */
  messageAndCredential: 60,
  /** A message phrase appears; the entry is for any credential or the error names none. */
  message: 50,
  /** A message phrase appears, but the entry is written for another credential (e.g. a chain member). */
  messageOtherCredential: 45,
  /** The HTTP status is one the entry lists, and the credential matches. */
  statusAndCredential: 40,
  /** The HTTP status matches an entry for any credential. Only when the error carries no AADSTS code. */
  status: 30,
  /** A context hint appears (host markers such as 169.254.169.254), and the credential matches. */
  hintAndCredential: 25,
  /** A context hint appears. */
  hint: 15,
  /** Nothing specific matched; the entry is the general advice for this credential. */
  credentialFallback: 10,
  /** Nothing else matched at all; general advice on reading the error. */
  genericFallback: 5,
} as const;

/** At most this many points are added for signals beyond the best one. */
const MAX_BONUS = 5;

export interface MatchOptions {
  catalog?: Catalog;
  /** Most matches returned (default 5). */
  limit?: number;
  /**
   * The full input text, for phrase matching beyond the parsed fields. `explain()` passes it; callers of
   * `match()` with only a ParsedAuthError can omit it.
   */
  text?: string;
}

interface Scored {
  ix: IndexedEntry;
  score: number;
  reasons: string[];
}

const quote = (s: string) => `“${s}”`;

/** Everything phrase matching looks at: the parsed text fields, chain members included, plus `text`. */
function haystack(parsed: ParsedAuthError, text: string | undefined): string {
  const parts: string[] = [];
  const add = (p: ParsedAuthError) => {
    for (const v of [p.message, p.errorDescription, p.serviceError?.code, p.serviceError?.message, p.request?.url])
      if (v) parts.push(v);
    for (const m of p.chain ?? []) add(m);
  };
  add(parsed);
  if (text) parts.push(text);
  return foldText(parts.join("\n"));
}

function scoreEntry(ix: IndexedEntry, parsed: ParsedAuthError, hay: string): Scored | undefined {
  const { entry } = ix;
  const cred = parsed.credential?.toLowerCase();
  const specific = ix.credentials.length > 0;
  const credMatches = cred !== undefined && ix.credentials.includes(cred);
  const credOther = cred !== undefined && specific && !credMatches;
  const signals: Array<{ score: number; reason: string }> = [];

  const codes = entry.match.codes.filter((c) => parsed.codes.includes(c));
  if (codes.length > 0) {
    const list = codes.map((c) => `AADSTS${c}`).join(", ");
    if (credMatches) signals.push({ score: SCORES.codeAndCredential, reason: `${list} under ${parsed.credential}` });
    else if (!specific) signals.push({ score: SCORES.codeAnyCredential, reason: `${list}` });
    else if (cred === undefined)
      signals.push({
        score: SCORES.codeCredentialUnknown,
        reason: `${list} (the entry is written for ${entry.match.credentials.join(", ")}; the error names no credential)`,
      });
    else
      signals.push({
        score: SCORES.codeOtherCredential,
        reason: `${list}, though the entry is written for ${entry.match.credentials.join(", ")}`,
      });
  }

  const phrase = entry.match.messages.find((_, i) => hay.includes(ix.messages[i] as string));
  if (phrase) {
    const score = credMatches ? SCORES.messageAndCredential : credOther ? SCORES.messageOtherCredential : SCORES.message;
    signals.push({ score, reason: `message contains ${quote(phrase)}` });
  }

  if (parsed.status !== undefined && entry.match.status.includes(parsed.status) && parsed.codes.length === 0) {
    if (credMatches) signals.push({ score: SCORES.statusAndCredential, reason: `HTTP ${parsed.status} from ${parsed.credential}` });
    else if (!specific) signals.push({ score: SCORES.status, reason: `HTTP ${parsed.status}` });
  }

  const hint = entry.match.hints.find((_, i) => hay.includes(ix.hints[i] as string));
  if (hint && !credOther) {
    signals.push({
      score: credMatches ? SCORES.hintAndCredential : SCORES.hint,
      reason: `mentions ${quote(hint)}`,
    });
  }

  if (entry.match.fallback && credMatches && signals.length === 0) {
    signals.push({ score: SCORES.credentialFallback, reason: `general advice for ${parsed.credential}` });
  }
  if (signals.length === 0) return undefined;

  signals.sort((a, b) => b.score - a.score);
  const best = signals[0]?.score ?? 0;
  const reasons = signals.map((s) => s.reason);
  if (credMatches && !reasons.some((r) => r.includes(parsed.credential as string)))
    reasons.push(`credential ${parsed.credential}`);
  return { ix, score: best + Math.min(MAX_BONUS, signals.length - 1), reasons };
}

/** True when the parsed error carries anything worth explaining. */
export function hasSignal(parsed: ParsedAuthError): boolean {
  return (
    parsed.codes.length > 0 ||
    parsed.credential !== undefined ||
    parsed.error !== undefined ||
    parsed.serviceError !== undefined ||
    (parsed.status !== undefined && parsed.status >= 400)
  );
}

export function toMatch(entry: CatalogEntry, score: number, reasons: string[]): Match {
  return { ...entryView(entry), score, reasons };
}

/** The public view of an entry: a match without score and reasons (what `lookup --format json` prints). */
export function entryView(entry: CatalogEntry): Omit<Match, "score" | "reasons"> {
  return {
    id: entry.id,
    title: entry.title,
    codes: [...entry.match.codes],
    description: entry.description,
    mitigation: entry.mitigation,
    links: entry.links.map((l) => ({ ...l })),
    kind: entry.kind,
    category: entry.category,
    actor: entry.actor,
    retryable: entry.retryable,
    related: [...entry.related],
    source: { ...entry.source },
  };
}

/**
 * Rank catalog entries for a parsed error, best first, each with its score and the reasons it matched.
 * Returns [] when nothing matches. Never throws.
 */
export function match(parsed: ParsedAuthError, options: MatchOptions = {}): Match[] {
  try {
    const catalog = options.catalog ?? defaultCatalog;
    const limit = options.limit ?? 5;
    const safe: ParsedAuthError = { ...parsed, codes: Array.isArray(parsed?.codes) ? parsed.codes : [] };
    const hay = haystack(safe, options.text);
    const scored: Scored[] = [];
    for (const ix of catalog.indexed) {
      const s = scoreEntry(ix, safe, hay);
      if (s) scored.push(s);
    }
    if (scored.length === 0 && hasSignal(safe)) {
      for (const ix of catalog.indexed) {
        if (ix.entry.match.fallback && ix.credentials.length === 0)
          scored.push({
            ix,
            score: SCORES.genericFallback,
            reasons: ["no entry matches this error specifically; general advice on reading it"],
          });
      }
    }
    scored.sort((a, b) => b.score - a.score || a.ix.order - b.ix.order);
    return scored.slice(0, Math.max(0, limit)).map((s) => toMatch(s.ix.entry, s.score, s.reasons));
  } catch {
    return [];
  }
}
