/**
 * Rank catalog entries against a parsed error. Ranking is data, not branches: each signal an entry
 * shares with the error earns the score in SCORES, an entry's score is its best signal, and every extra
 * kind of signal adds one point (at most five) to break ties. Remaining ties keep catalog order.
 */
import { atBoundary } from "../boundary.js";
import { viewWithCause } from "../catalog/entry-view.js";
import { type Catalog, defaultCatalog, foldText } from "../catalog/index.js";
import { ALWAYS_FOUND, type IndexedEntry, matchIndexes } from "../catalog/match-indexes.js";
import { readerSdk } from "../parse/producers/index.js";
import { FLAG_FIELDS } from "../parse/shape.js";
import { PATTERNS } from "../patterns.js";
import type { AUTHORITIES, CatalogEntry, Cause, Confidence, Match, ParsedAuthError, Sdk } from "../schema.js";

type Authority = (typeof AUTHORITIES)[number];

/**
 * The score table, highest first. The groups are the contract: a code, then a message phrase, then the
 * HTTP status, sub-error or OAuth error, then a context hint, then the fallbacks.
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
  /** The entry's code is a generic wrapper (AADSTS70002) and a more specific code stands beside it. */
  codeWrapper: 65,
  /** A message phrase of the entry appears, and the credential matches. */
  messageAndCredential: 60,
  /** A message phrase appears; the entry is for any credential or the error names none. */
  message: 50,
  /** A message phrase appears, but the entry is written for another credential (e.g. a chain member). */
  messageOtherCredential: 45,
  /** The HTTP status is one the entry lists, and the credential matches. */
  statusAndCredential: 38,
  /** The MSAL sub-error is one the entry explains (basic_action, bad_token, …). */
  suberror: 37,
  /** The OAuth `error` is one the entry explains: what the calling app should do about it. */
  oauthError: 36,
  /** The HTTP status matches an entry for any credential. Only when the error carries no AADSTS code. */
  status: 30,
  /** A context hint appears (host markers such as 169.254.169.254), and the credential matches. */
  hintAndCredential: 24,
  /** A context hint appears. */
  hint: 15,
  /** Nothing specific matched; the entry is the general advice for this credential. */
  credentialFallback: 9,
  /** Nothing else matched at all; general advice on reading the error. */
  genericFallback: 5,
} as const;

/**
 * At most this many points are added for signals beyond the best one. The table leaves more than this
 * between the rule groups (code, message, status, hint, fallback), so bonuses reorder entries within a
 * group but never lift one into the group above.
 */
export const MAX_BONUS = 5;

/** Options of {@link match}. */
export interface MatchOptions {
  /** Catalog to rank (default: the built-in one). */
  catalog?: Catalog;
  /** Most matches returned (default 5). */
  limit?: number;
  /** Give SDK-specific advice for this SDK instead of the one the error's shape shows (parsed.sdk). */
  sdk?: Sdk;
  /**
   * The full input text, for phrase matching beyond the parsed fields. `explain()` passes it; callers of
   * `match()` with only a ParsedAuthError can omit it.
   */
  text?: string;
}

interface Scored {
  ix: IndexedEntry;
  score: number;
  /** The best signal's score, without the bonus: what confidence is read from. */
  best: number;
  reasons: string[];
  /** The cause of the entry's code that the error shows, if any. */
  cause?: Cause;
  /** The longest message phrase found, folded: between equal scores, a phrase that holds another wins. */
  phrase?: string;
}

/** A phrase quoted in a reason; a long one (a whole published message) is cut at a word, about 60 characters. */
const quote = (s: string) => {
  if (s.length <= 64) return `“${s}”`;
  const cut = s.lastIndexOf(" ", 60);
  return `“${s.slice(0, cut > 30 ? cut : 60)}…”`;
};

/**
 * Between two phrase matches of one score, which is more specific: -1 when a's phrase holds b's (the text
 * matched a's longer wording: a published message that contains a shorter one), 1 for the reverse, then
 * the long phrase before the short one; 0 when neither tells (catalog order decides).
 */
function subsumes(a: Scored, b: Scored): number {
  if (!a.phrase || !b.phrase || a.phrase === b.phrase) return 0;
  if (a.phrase.includes(b.phrase)) return -1;
  if (b.phrase.includes(a.phrase)) return 1;
  // Otherwise a long phrase (a sentence of the error's own wording) says more than a short one (an
  // exception name, a keyword), the same line confidenceOf draws.
  return Number(longPhrase(b)) - Number(longPhrase(a));
}

/** An entry for a wrapper's summary line, matched by its words (not by a code). */
const wrapperMessage = (s: Scored) =>
  s.ix.entry.match.wrapper === true && s.ix.entry.match.codes.length === 0 && s.phrase !== undefined;

/** A phrase long enough to be the error's own sentence rather than a keyword (see confidenceOf). */
const longPhrase = (s: Scored) => (s.phrase?.length ?? 0) >= LONG_PHRASE;
const LONG_PHRASE = 24;

/**
 * Everything phrase matching looks at: the parsed text fields, chain members included, plus `text`. Not
 * folded: the phrase search folds as it reads (foldText gives the folded form, where one is needed).
 */
function haystack(parsed: ParsedAuthError, text: string | undefined, searched = true): string {
  // For the phrase search, a field the text's window already holds word for word adds no phrase (every
  // phrase in it is in the text too), so it is not searched twice. The authority reads the first login
  // URL of everything, fields first.
  const whole = text ? phraseWindow(text) : "";
  const parts: string[] = [];
  const add = (p: ParsedAuthError) => {
    for (const v of [
      p.message,
      p.errorDescription,
      p.serviceError?.code,
      p.serviceError?.message,
      p.request?.url,
    ])
      if (typeof v === "string" && v) {
        const window = phraseWindow(v);
        if (!searched || !whole.includes(window)) parts.push(window);
      }
    for (const m of p.chain ?? []) add(m);
  };
  add(parsed);
  if (whole) parts.push(whole);
  return parts.join("\n");
}

/** How much of a long input phrase matching reads: an error's words are at its start or around its code. */
export const PHRASE_WINDOW = 65_536;

/**
 * The part of `text` phrase matching reads: all of it up to PHRASE_WINDOW characters; beyond that the
 * first PHRASE_WINDOW, or, when those hold no AADSTS code, a window around the first code after them.
 * Codes, IDs and the other fields are parsed from the whole input; this bounds only the phrase search,
 * which would otherwise grow with the whole input. Logs belong to scan(), which matches each failure alone.
 */
function phraseWindow(text: string): string {
  if (text.length <= PHRASE_WINDOW) return text;
  const head = text.slice(0, PHRASE_WINDOW);
  if (head.includes("AADSTS")) return head;
  const at = text.indexOf("AADSTS", PHRASE_WINDOW);
  if (at === -1) return head;
  const from = Math.max(PHRASE_WINDOW, at - PHRASE_WINDOW / 4);
  return `${head}\n${text.slice(from, from + PHRASE_WINDOW / 2)}`;
}

/** Credential names that are chains: they never contradict an entry written for one of their members. */
const CHAIN_CREDENTIALS = new Set(["defaultazurecredential", "chainedtokencredential"]);
/**
 * A chain's routine members: the environment credential, unavailable wherever no variables are set, and
 * the developer tools' (the Azure CLI, azd, Azure PowerShell, Visual Studio, VS Code, IntelliJ, the shared
 * token cache). Lower case, as CHAIN_CREDENTIALS.
 */
const ROUTINE_CHAIN_MEMBERS = new Set([
  "environmentcredential",
  "azureclicredential",
  "azuredeveloperclicredential",
  "azurepowershellcredential",
  "visualstudiocredential",
  "visualstudiocodecredential",
  "intellijcredential",
  "sharedtokencachecredential",
]);

/** What the error says about credentials: the one that failed, the chain's members, and what the URL implies. */
interface CredentialFacts {
  /** Lower-cased names of every credential involved. */
  all: Set<string>;
  /** The credential the error is about (lower case), when it is not a chain. */
  direct?: string;
  /** Lower-cased name of the top-level credential, chain or not. */
  top?: string;
  /** Credentials of chain members that carry each AADSTS code. */
  byCode: Map<number, Set<string>>;
}

/** A managed identity endpoint in the request URL names the credential even when the text does not. */
function impliedCredential(parsed: ParsedAuthError): string | undefined {
  const url = parsed.request?.url ?? "";
  return url.includes("169.254.169.254") || url.includes("/metadata/identity/") || url.includes("/msi/token")
    ? "managedidentitycredential"
    : undefined;
}

function credentialFacts(parsed: ParsedAuthError): CredentialFacts {
  const top = parsed.credential?.toLowerCase();
  const facts: CredentialFacts = { all: new Set(), byCode: new Map(), ...(top ? { top } : {}) };
  if (top) facts.all.add(top);
  if (top && !CHAIN_CREDENTIALS.has(top)) facts.direct = top;
  const implied = impliedCredential(parsed);
  if (implied) {
    facts.all.add(implied);
    facts.direct ??= implied;
  }
  for (const member of parsed.chain ?? []) {
    const name = member.credential?.toLowerCase() ?? impliedCredential(member);
    if (!name) continue;
    facts.all.add(name);
    for (const code of member.codes) {
      const set = facts.byCode.get(code) ?? new Set();
      set.add(name);
      facts.byCode.set(code, set);
    }
  }
  return facts;
}

const chainEntry = (ix: IndexedEntry) => ix.credentials.some((c) => CHAIN_CREDENTIALS.has(c));

/** Lowers to `to` the score of every entry `which` holds that scores above it, and says why. */
function demote(scored: Scored[], which: (s: Scored) => boolean, to: number, reason: string): void {
  for (const s of scored)
    if (which(s) && s.score > to) {
      s.score = to;
      s.best = Math.min(s.best, to);
      s.reasons.push(reason);
    }
}

/**
 * A chain member failed rather than being unavailable: a service answered it (an AADSTS code, an OAuth
 * error or an HTTP status) and its error class is not the SDK's "unavailable" one. explain() names chain
 * steps with the same test, so the step it says decided the chain is the one ranked first here.
 * @internal
 */
export function memberFailed(member: ParsedAuthError): boolean {
  const unavailable = member.exception !== undefined && PATTERNS.unavailableException.test(member.exception);
  const answered = member.codes.length > 0 || member.error !== undefined || member.status !== undefined;
  return answered && !unavailable;
}

function allUnavailable(parsed: ParsedAuthError): boolean {
  const chain = parsed.chain ?? [];
  return chain.length >= 2 && chain.every((m) => m.status === undefined && m.error === undefined);
}

/** The request went to Entra or a managed identity endpoint, so a 401/403 is about getting a token. */
function isTokenRequest(parsed: ParsedAuthError): boolean {
  const url = parsed.request?.url;
  if (!url) return false;
  return impliedCredential(parsed) !== undefined || parsed.tenant !== undefined || url.includes("/oauth2/");
}

function scoreEntry(
  ix: IndexedEntry,
  parsed: ParsedAuthError,
  found: Set<number>,
  facts: CredentialFacts,
  context: CauseContext,
): Scored | undefined {
  const { entry } = ix;
  const specific = ix.credentials.length > 0;
  const credMatches = ix.credentials.some((c) => facts.all.has(c));
  // A direct (non-chain) credential that is not the entry's contradicts it; a chain does not.
  const credOther = specific && !credMatches && facts.direct !== undefined;
  // The entry's credential is named somewhere in the text (a log line, a chain member).
  const credMentioned = credMatches || ix.credentialPhrases.some((id) => found.has(id));
  // The name to show in reasons: the entry's own spelling of the credential that matched, else the error's.
  // Only two reasons name it, so it is worked out when one of them is given.
  const credLabel = () =>
    entry.match.credentials.find((c) => facts.all.has(c.toLowerCase())) ??
    parsed.credential ??
    facts.all.values().next().value ??
    "";
  const signals: Array<{ score: number; reason: string }> = [];

  const codes = parsed.codes.length === 0 ? [] : entry.match.codes.filter((c) => parsed.codes.includes(c));
  if (codes.length > 0) {
    const list = codes.map((c) => `AADSTS${c}`).join(", ");
    // The credential that carries the code: the failing credential, or the chain member that got it.
    const carrier = codes
      .flatMap((c) => [...(facts.byCode.get(c) ?? [])])
      .concat(facts.direct ? [facts.direct] : [])
      .find((c) => ix.credentials.includes(c));
    const beside = parsed.codes.filter((c) => !entry.match.codes.includes(c));
    if (entry.match.wrapper && beside.length > 0)
      signals.push({
        score: SCORES.codeWrapper,
        reason: `${list}, a generic code printed in front of the more specific AADSTS${beside[0]}`,
      });
    else if (specific && carrier)
      signals.push({
        score: SCORES.codeAndCredential,
        reason: `${list} under ${entry.match.credentials.find((c) => c.toLowerCase() === carrier) ?? carrier}`,
      });
    else if (!specific) signals.push({ score: SCORES.codeAnyCredential, reason: `${list}` });
    else if (facts.direct === undefined && facts.byCode.size === 0)
      signals.push({
        score: SCORES.codeCredentialUnknown,
        reason: `${list}; this advice is written for ${entry.match.credentials.join(" and ")}, and the error does not name its credential`,
      });
    else
      signals.push({
        score: SCORES.codeOtherCredential,
        reason: `${list}, though the entry is written for ${entry.match.credentials.join(", ")}`,
      });
  }

  let phrase: string | undefined;
  let foldedPhrase: string | undefined;
  entry.match.messages.forEach((m, i) => {
    if (found.has(ix.messages[i] as number) && m.length > (phrase?.length ?? 0)) {
      phrase = m;
      foldedPhrase = ix.foldedMessages[i];
    }
  });
  if (phrase) {
    const score = credMentioned
      ? SCORES.messageAndCredential
      : credOther
        ? SCORES.messageOtherCredential
        : SCORES.message;
    signals.push({ score, reason: `message contains ${quote(phrase)}` });
  }

  // Status alone is a weak signal: ignored when the error carries an AADSTS code, and for entries that
  // are about service calls (no credential) when the request went to a token endpoint.
  if (
    parsed.status !== undefined &&
    entry.match.status.includes(parsed.status) &&
    parsed.codes.length === 0
  ) {
    if (credMentioned)
      signals.push({
        score: SCORES.statusAndCredential,
        reason: `HTTP ${parsed.status} from ${credLabel()}`,
      });
    else if (!specific && !isTokenRequest(parsed))
      signals.push({ score: SCORES.status, reason: `HTTP ${parsed.status}` });
  }

  // OAuth errors and sub-errors are the signal of `oauth` entries. On a code entry they only say which
  // error Entra pairs the code with: they add weight when the code matched, and match nothing alone.
  const oauthHit = parsed.error !== undefined && entry.match.errors.includes(parsed.error);
  const subHit = parsed.suberror !== undefined && entry.match.suberrors.includes(parsed.suberror);
  if (entry.kind === "oauth") {
    if (oauthHit) signals.push({ score: SCORES.oauthError, reason: `OAuth error ${parsed.error}` });
    if (subHit) signals.push({ score: SCORES.suberror, reason: `sub-error ${parsed.suberror}` });
  } else if (codes.length > 0 && (oauthHit || subHit)) {
    signals.push({ score: 0, reason: `${parsed.error} is the OAuth error Entra pairs with it` });
  }

  const hint = entry.match.hints.find((_, i) => found.has(ix.hints[i] as number));
  if (hint && !credOther) {
    signals.push({
      score: credMatches ? SCORES.hintAndCredential : SCORES.hint,
      reason: `mentions ${quote(hint)}`,
    });
  }

  // A chain that lists two or more credentials, none of which got an answer from a service (no status,
  // no OAuth error), is the chain entries' own failure, even when the chain's name is not printed (Java).
  if (entry.match.chainUnavailable && allUnavailable(parsed)) {
    signals.push({
      score: SCORES.messageAndCredential,
      reason: "every credential the chain tried was unavailable",
    });
  }

  if (entry.match.fallback && credMatches && signals.length === 0) {
    signals.push({ score: SCORES.credentialFallback, reason: `general advice for ${credLabel()}` });
  }
  if (signals.length === 0) return undefined;

  const picked = entry.causes ? pickCause(ix, entry.causes, found, context) : undefined;
  if (picked) signals.push({ score: 0, reason: `the cause: ${picked.why}` });

  signals.sort((a, b) => b.score - a.score);
  const best = signals[0]?.score ?? 0;
  const reasons = signals.map((s) => s.reason);
  // One more point when the entry is written for the top-level credential itself. For a chain this holds
  // only when it lists two or more attempts: then the chain's own entry sums them up best, while a chain
  // that shows one concrete failure is better explained by that failure's entry.
  const chainSummary = (parsed.chain?.length ?? 0) >= 2;
  const topIsChain = facts.top !== undefined && CHAIN_CREDENTIALS.has(facts.top);
  const topBonus =
    (facts.top !== undefined && ix.credentials.includes(facts.top) && (!topIsChain || chainSummary)) ||
    (chainEntry(ix) && chainSummary && facts.top === undefined)
      ? 1
      : 0;
  if (topBonus && parsed.credential && !reasons.some((r) => r.includes(parsed.credential as string)))
    reasons.push(`written for ${parsed.credential}`);
  // One more point when the entry is written for the library that printed the error: a message two
  // libraries share (MSAL.NET's and MSAL Java's "Password is required for managed user") is explained in
  // the reader's library.
  const sdkBonus = context.sdk !== undefined && entry.match.sdks.includes(context.sdk) ? 1 : 0;
  if (sdkBonus) reasons.push(`written for ${context.sdk}`);
  return {
    ix,
    score: best + Math.min(MAX_BONUS, signals.length - 1 + topBonus + sdkBonus),
    best,
    reasons,
    ...(phrase ? { phrase: foldedPhrase as string } : {}),
    ...(picked ? { cause: picked.cause } : {}),
  };
}

/** What a cause's signals are checked against. */
interface CauseContext {
  credentials: Set<string>;
  sdk?: Sdk;
  /** The authority the request names (worked out on first call: few causes ask). */
  authority: () => Authority | undefined;
  /** The client IDs the error names, lower case (worked out on first call). */
  clientIds: () => Set<string>;
}

/** The authority a login URL in the text names: common, organizations, consumers, or "tenant". */
function authorityOf(parsed: ParsedAuthError, hay: string): Authority | undefined {
  const m = PATTERNS.loginAuthority.exec(parsed.request?.url ?? "") ?? PATTERNS.loginAuthority.exec(hay);
  const a = m?.[1]?.toLowerCase();
  if (!a) return parsed.tenant ? "tenant" : undefined;
  return a === "common" || a === "organizations" || a === "consumers" ? a : "tenant";
}

/** The first cause whose signals all hold, with the signals that showed it, in words. */
function pickCause(
  ix: IndexedEntry,
  causes: readonly Cause[],
  found: ReadonlySet<number>,
  ctx: CauseContext,
): { cause: Cause; why: string } | undefined {
  for (const [i, cause] of causes.entries()) {
    const w = cause.when;
    const why: string[] = [];
    // The phrase search found the causes' phrases too, as plain substrings of the folded text.
    const at = (ix.causePhrases[i] ?? []).findIndex((id) => id === ALWAYS_FOUND || found.has(id));
    const phrase = at >= 0 ? w.phrases?.[at] : undefined;
    if (w.phrases?.length && !phrase) continue;
    if (phrase) why.push(`the text says ${quote(phrase)}`);
    const cred = w.credentials?.find((c) => ctx.credentials.has(c.toLowerCase()));
    if (w.credentials?.length && !cred) continue;
    if (cred) why.push(`${cred} failed`);
    if (w.sdks?.length && !(ctx.sdk && w.sdks.includes(ctx.sdk))) continue;
    if (w.sdks?.length) why.push(`the error comes from ${ctx.sdk}`);
    const authority = w.authority?.length ? ctx.authority() : undefined;
    if (w.authority?.length && !(authority && w.authority.includes(authority))) continue;
    if (w.authority?.length)
      why.push(authority === "tenant" ? "the request names a tenant" : `the request went to /${authority}`);
    const app = w.clientIds?.length
      ? w.clientIds.find((id) => ctx.clientIds().has(id.toLowerCase()))
      : undefined;
    if (w.clientIds?.length && !app) continue;
    if (app) why.push(`the client ID is ${app}`);
    return { cause, why: `${cause.title}, because ${why.join(" and ")}` };
  }
  return undefined;
}

/**
 * How sure a match is, from its best signal: the code or Entra's own words are high; a code written for
 * another credential, a wrapper code, a short phrase, an OAuth error or sub-error are medium; a status, a
 * host hint or a credential name alone are low. An entry whose evidence is thin (catalog `confidence: low`)
 * is at most medium, and a tie with an entry that says something else costs one level.
 */
export function confidenceOf(s: Scored, next: Scored | undefined): Confidence {
  let level =
    s.best >= SCORES.codeCredentialUnknown
      ? 2
      : s.best >= SCORES.codeWrapper
        ? 1
        : s.best >= SCORES.messageOtherCredential
          ? longPhrase(s) || s.best >= SCORES.messageAndCredential
            ? 2
            : 1
          : s.best >= SCORES.oauthError
            ? 1
            : 0;
  if (s.ix.entry.confidence === "low") level = Math.min(level, 1);
  if (next && next.score === s.score && next.ix.entry.title !== s.ix.entry.title)
    level = Math.max(0, level - 1);
  return level === 2 ? "high" : level === 1 ? "medium" : "low";
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

export function toMatch(
  entry: CatalogEntry,
  score: number,
  reasons: string[],
  sdk?: Sdk,
  confidence: Confidence = "medium",
  cause?: Cause,
): Match {
  // A fresh view, completed in place: the fields in the order of the output, cause (if any) before these.
  const m = viewWithCause(entry, sdk, cause) as Match;
  m.confidence = confidence;
  m.score = score;
  m.reasons = reasons;
  return m;
}

/**
 * Rank catalog entries for a parsed error, best first, each with its score and the reasons it matched.
 * Returns [] when nothing matches. Never throws (except an internal error under `AADSTS_DEBUG=1`). {@link explain} is parse and match in one call.
 *
 * @example
 * ```ts
 * import { match, parse } from "aadsts";
 *
 * const [best] = match(parse(errorText), { limit: 3 });
 * if (best) console.log(best.id, best.score, best.reasons);
 * ```
 */
export function match(parsed: ParsedAuthError, options: MatchOptions = {}): Match[] {
  if (typeof parsed !== "object" || parsed === null) return [];
  const opts: MatchOptions = typeof options === "object" && options !== null ? options : {};
  return atBoundary(
    () => rank(parsed, opts),
    () => [],
  );
}

/** Fields of ParsedAuthError that are not plain strings; every other field is kept only when it is one. */
const NOT_TEXT = new Set(["codes", "chain", "status", "request", "serviceError", "conflicts"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * A caller's parsed error as ranking reads it: each field kept only in its schema's shape (parse() output
 * always is; a hand-made or deserialised object may not be), chain members likewise.
 */
function wellFormed(parsed: ParsedAuthError): ParsedAuthError {
  // parse()'s output (what explain() ranks) already has that shape: ranking reads it as it is.
  if (alreadyWellFormed(parsed)) return parsed;
  const given = parsed as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given))
    if (!NOT_TEXT.has(key) && (FLAG_FIELDS.has(key) ? typeof value === "boolean" : typeof value === "string"))
      out[key] = value;
  out.codes = Array.isArray(given.codes) ? given.codes.filter((c) => Number.isInteger(c)) : [];
  if (Number.isInteger(given.status)) out.status = given.status;
  const { request, serviceError, chain } = given;
  if (isRecord(request) && typeof request.method === "string" && typeof request.url === "string")
    out.request = { method: request.method, url: request.url };
  if (isRecord(serviceError) && typeof serviceError.code === "string")
    out.serviceError = {
      code: serviceError.code,
      ...(typeof serviceError.message === "string" ? { message: serviceError.message } : {}),
    };
  if (Array.isArray(chain)) out.chain = chain.filter(isRecord).map((m) => wellFormed(m as ParsedAuthError));
  return out as ParsedAuthError;
}

/**
 * True when wellFormed would keep every field ranking reads as it is: each text field a string or a
 * boolean, codes an array of integers, status an integer, request and serviceError in their shape, each
 * chain member likewise. (What wellFormed drops besides, such as `conflicts`, ranking never reads.)
 */
function alreadyWellFormed(parsed: ParsedAuthError): boolean {
  const given = parsed as unknown as Record<string, unknown>;
  // A plain object's fields are its own: one with a prototype of its own is copied, as before.
  const proto = Object.getPrototypeOf(given);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in given) {
    const value = given[key];
    if (value === undefined) continue;
    switch (key) {
      case "codes":
        if (!Array.isArray(value) || !value.every((c) => Number.isInteger(c))) return false;
        break;
      case "status":
        if (!Number.isInteger(value)) return false;
        break;
      case "request":
        if (!isRecord(value) || typeof value.method !== "string" || typeof value.url !== "string")
          return false;
        break;
      case "serviceError":
        if (!isRecord(value) || typeof value.code !== "string") return false;
        if (value.message !== undefined && typeof value.message !== "string") return false;
        break;
      case "chain":
        if (
          !Array.isArray(value) ||
          !value.every((m) => isRecord(m) && alreadyWellFormed(m as ParsedAuthError))
        )
          return false;
        break;
      case "conflicts":
        break;
      default:
        if (typeof value !== (FLAG_FIELDS.has(key) ? "boolean" : "string")) return false;
    }
  }
  return Array.isArray(given.codes);
}

/**
 * match()'s work, without the boundary: for callers that are themselves one (explain). The parsed error
 * comes from parse(), or from a caller: its codes are taken only when they are an array of numbers.
 */
export function rank(parsed: ParsedAuthError, options: MatchOptions = {}): Match[] {
  return rankAmong(parsed, options, false);
}

/**
 * rank, scoring every entry of the catalog rather than the candidates its indexes give: what rank must
 * return (test/match.test.ts holds them to each other on every fixture and corpus text). @internal
 */
export function rankEveryEntry(parsed: ParsedAuthError, options: MatchOptions = {}): Match[] {
  return rankAmong(parsed, options, true);
}

function rankAmong(parsed: ParsedAuthError, options: MatchOptions, every: boolean): Match[] {
  const catalog = options.catalog ?? defaultCatalog;
  const limit = typeof options.limit === "number" ? options.limit : 5;
  const safe = wellFormed(parsed);
  const indexes = matchIndexes(catalog);
  // One haystack, one pass: the entries' phrases and the causes' phrases are found together.
  const hay = haystack(safe, options.text);
  const found = indexes.phrases.findAllUnfolded(hay);
  const facts = credentialFacts(safe);
  const scored: Scored[] = [];
  const codes = [...safe.codes, ...(safe.chain ?? []).flatMap((m) => m.codes)];
  const signals = {
    codes,
    phrases: found,
    status: safe.status,
    error: safe.error,
    suberror: safe.suberror,
  };
  let authority: { value: Authority | undefined } | undefined;
  let clientIds: Set<string> | undefined;
  const context: CauseContext = {
    credentials: facts.all,
    ...(readerSdk(safe) ? { sdk: readerSdk(safe) } : {}),
    authority: () => {
      authority ??= { value: authorityOf(safe, foldText(haystack(safe, options.text, false))) };
      return authority.value;
    },
    clientIds: () => {
      clientIds ??= new Set(
        [safe.clientId, ...(safe.chain ?? []).map((m) => m.clientId)].flatMap((c) =>
          c ? [c.toLowerCase()] : [],
        ),
      );
      return clientIds;
    },
  };
  for (const ix of every ? indexes.indexed : indexes.candidates(signals)) {
    const s = scoreEntry(ix, safe, found, facts, context);
    if (s) scored.push(s);
  }
  // The chain's own entry sums up a chain whose members were all unavailable. When a member got an
  // answer (a code, an OAuth error, a status), that member's failure is the story; the chain entry stays
  // listed, below the member's.
  if ((safe.chain ?? []).some(memberFailed))
    demote(
      scored,
      (s) => chainEntry(s.ix),
      SCORES.hint,
      "a credential in the chain got an answer, so its failure comes first",
    );
  // Entries that only sum up another failure (below) give way when that failure's own words matched.
  const belowMessages = SCORES.messageOtherCredential - 1;
  const phraseBeside = (sums: (s: Scored) => boolean) =>
    scored.some((s) => s.phrase !== undefined && !sums(s));
  // A chain that lists one credential only says that credential failed: when the member's own words
  // matched an entry, that entry tells the story, and the chain's entry comes after it.
  // (Not when that one credential is a routine member, the environment's or a developer tool's: a paste
  // that shows only one of those has lost the chain's other members.)
  const chainsOwn = (s: Scored) => s.ix.entry.match.chainUnavailable === true;
  const only = safe.chain?.length === 1 ? safe.chain[0] : undefined;
  if (only && !ROUTINE_CHAIN_MEMBERS.has(only.credential?.toLowerCase() ?? "") && phraseBeside(chainsOwn))
    demote(
      scored,
      chainsOwn,
      belowMessages,
      "the chain tried one credential, whose own failure has its match",
    );
  // A message entry marked as a wrapper sums up a tool's "sign-in failed" line (a SQL driver's, say):
  // when the wrapped error's own words matched another entry, that entry's advice comes first.
  if (phraseBeside(wrapperMessage))
    demote(scored, wrapperMessage, belowMessages, "it sums up the wrapped error, which has its own match");
  if (scored.length === 0 && hasSignal(safe)) {
    for (const ix of indexes.genericFallbacks) {
      scored.push({
        ix,
        score: SCORES.genericFallback,
        best: SCORES.genericFallback,
        reasons: ["no entry matches this error specifically; general advice on reading it"],
      });
    }
  }
  scored.sort((a, b) => b.score - a.score || subsumes(a, b) || a.ix.order - b.ix.order);
  // Two entries with one title (the same failure written for two credentials) show once: the first.
  const titles = new Set<string>();
  const shown = scored.filter((s) => {
    const t = s.ix.entry.title.toLowerCase();
    if (titles.has(t)) return false;
    titles.add(t);
    return true;
  });
  const sdk = options.sdk ?? readerSdk(safe);
  return shown
    .slice(0, Math.max(0, limit))
    .map((s, i) => toMatch(s.ix.entry, s.score, s.reasons, sdk, confidenceOf(s, shown[i + 1]), s.cause));
}
