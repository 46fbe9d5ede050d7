/**
 * parse(): any input → ParsedAuthError. Each shape reader reports what it found; this file merges their
 * findings with a fixed precedence (JSON body fields over labelled text, the Go header over looser
 * credential mentions) and validates the result with zod. It never throws on user data.
 */
import { atBoundary, debugging } from "../boundary.js";
import { PATTERNS } from "../patterns.js";
import { redact } from "../redact.js";
import { decodeEntities } from "../sanitize.js";
import { type EntraErrorBody, type ParsedAuthError, ParsedAuthErrorSchema } from "../schema.js";
import { readChain } from "./chain.js";
import { readCredential } from "./credential.js";
import { failureIdentity, splitFailures } from "./failures.js";
import {
  aadstsBlock,
  aadstsCodes,
  clientIdFrom,
  descriptionParts,
  labels,
  looksEscaped,
  messageText,
  normalizeLineEnds,
  normalizeTimestamp,
  stripLinePrefixes,
  unescapeLineBreaks,
  unescapeOnce,
} from "./fields.js";
import { htmlPageText, signInPageDetails } from "./html.js";
import { readTenant, validId } from "./ids.js";
import { MAX_INPUT_LENGTH, type ObjectFields, toInputText } from "./input.js";
import {
  type FoundBody,
  findBody,
  unwrapJsonLines,
  unwrapJsonRecord,
  unwrapQuotedValue,
} from "./json-body.js";
import { readOAuthError } from "./oauth-error.js";
import { execIf, forgetTexts } from "./prefilter.js";
import {
  detectHosted,
  detectMarkedProducer,
  detectProducer,
  detectRuntime,
  readProducers,
} from "./producers/index.js";
import { readRedirect } from "./redirect.js";
import { checkedCopy } from "./shape.js";
import { readStatus } from "./status.js";

export { MAX_INPUT_LENGTH } from "./input.js";

/** Options of {@link parse} (and of {@link explain}, which parses first). */
export interface ParseOptions {
  /** Remove secrets from the input before reading it (default true). */
  redact?: boolean;
  /** Longest input read, in characters (default 1,000,000: MAX_INPUT_LENGTH in src/parse/input.ts); the rest is ignored and flagged. */
  maxLength?: number;
}

/** Chains nest at most this deep (a chain inside a chain member). */
const MAX_CHAIN_DEPTH = 2;
/** Wrappers (a JSON log record, a logfmt value) around the failure are removed at most this deep. */
const MAX_UNWRAP_DEPTH = 4;

/**
 * How much nesting is left. Unwrapping and chains each have their own budget: a chain inside a logfmt
 * value inside a Docker json-file record is still a chain.
 */
interface Depth {
  unwrap: number;
  chain: number;
}

/**
 * Extract the structured fields of an Entra authentication failure from a string, an `Error`, a token
 * endpoint JSON body (object or text) or anything else. Never throws (except an internal error under
 * `AADSTS_DEBUG=1`): unreadable input gives
 * `{ codes: [] }`. Secrets are redacted before any field is taken, unless `redact: false`.
 *
 * @example
 * ```ts
 * import { parse } from "aadsts";
 *
 * const parsed = parse(`AADSTS700016: Application with identifier '6f1f…' was not found in the directory 'contoso.com'.
 * Trace ID: 0c5e… Correlation ID: 5a7b… Timestamp: 2025-06-30 23:05:51Z`);
 * parsed.codes;     // [700016]
 * parsed.timestamp; // "2025-06-30T23:05:51Z"
 * ```
 */
export function parse(input: unknown, options: ParseOptions = {}): ParsedAuthError {
  return parseWithText(input, options).parsed;
}

/** What parseWithText returns: the fields, the redacted text they were read from, and how many other failures the input holds. */
export interface ParseResult {
  parsed: ParsedAuthError;
  /** The redacted text of the failure that was read (for phrase matching and excerpts). */
  text: string;
  /** Further failures in the input, after the one read (0 when it holds one). */
  more: number;
}

/** What an input that could not be read at all gives: no fields. */
const NOTHING_READ = (): ParseResult => ({ parsed: { codes: [] }, text: "", more: 0 });

/**
 * parse(), plus the redacted text it read and the count of further failures. An input that holds
 * several failures is read for its first one only, whole: its fields never mix with another's. `whole`
 * reads the input as one failure (scan() has already cut it). A public boundary: never throws, except
 * with AADSTS_DEBUG=1 (set in this project's tests) when an internal error surfaces (src/boundary.ts).
 */
export function parseWithText(input: unknown, options: ParseOptions = {}, whole = false): ParseResult {
  return atBoundary(() => readInput(input, parseOptions(options), 0, whole), NOTHING_READ);
}

/** Options as given by a caller without types: anything that is not a usable value is the default. */
export function parseOptions(options: unknown): ParseOptions {
  if (typeof options !== "object" || options === null) return {};
  const { redact, maxLength } = options as Record<string, unknown>;
  return {
    ...(redact === false ? { redact: false } : {}),
    ...(typeof maxLength === "number" && maxLength >= 0 ? { maxLength } : {}),
  };
}

/**
 * parseWithText's work, without the boundary: for callers that are themselves a boundary (explain). Any
 * input is read; an exception here is a bug.
 */
export function readInput(input: unknown, options: ParseOptions = {}, depth = 0, whole = false): ParseResult {
  forgetTexts();
  const { text: raw, body, fields, members } = toInputText(input, depth > 0);
  const max = options.maxLength ?? MAX_INPUT_LENGTH;
  const truncated = raw.length > max;
  let text = truncated ? raw.slice(0, max) : raw;
  let redacted = false;
  if (options.redact !== false) {
    const r = redact(text);
    text = r.text;
    redacted = r.count > 0;
  }
  const given = body && !redacted ? body : undefined;
  const start: Depth = { unwrap: 0, chain: depth };
  const first = whole || given ? { text, more: 0 } : firstFailure(text);
  const parsed = parseText(first.text, given, start);
  if (fields) applyObjectFields(parsed, fields, options.redact !== false);
  if (members && depth < MAX_CHAIN_DEPTH) {
    parsed.chain = members.map((m) => readInput(m, options, depth + 1).parsed);
  }
  if (redacted) parsed.redacted = true;
  if (truncated) parsed.truncated = true;
  // The prefilter's trigram tables let go of this input's texts.
  forgetTexts();
  return { parsed: validate(parsed), text: first.text, more: first.more };
}

/** Failures after the first that explain counts (a crafted text of thousands is not split thousands of times). */
const MAX_FAILURES_COUNTED = 100;

/**
 * The text of the input's first failure, and how many other failures follow (up to MAX_FAILURES_COUNTED). Parts that share the first
 * one's trace ID (or, with no IDs, its codes) are the first failure printed again and stay with it.
 */
function firstFailure(text: string): { text: string; more: number } {
  const parts = splitFailures(text, MAX_FAILURES_COUNTED + 1);
  if (parts.length < 2) return { text, more: 0 };
  const ids = parts.map(failureIdentity);
  let end = 1;
  while (end < parts.length && ids[end] === ids[0]) end++;
  const others = new Set(ids.slice(end).filter((id) => id !== ids[0]));
  return { text: parts.slice(0, end).join(""), more: others.size };
}

/**
 * How much of a long text the readers of the producer, credential, status, OAuth error, tenant and client
 * ID look at: the start, where the first failure is. (Codes, IDs and the timestamp are read from all of
 * it.) A megabyte of crafted text then costs each of them no more than this.
 */
export const FIELD_WINDOW = 65_536;

const head = (text: string) => (text.length > FIELD_WINDOW ? text.slice(0, FIELD_WINDOW) : text);

/**
 * Whether markdownEmphasisOpen could match: an underscore before a capital letter, after a space, `(`,
 * `*` or a line start. Most texts hold underscores (`client_id`), so this walk spares them the regex.
 */
function emphasisOpens(text: string): boolean {
  for (let i = text.indexOf("_"); i >= 0; i = text.indexOf("_", i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next < 65 || next > 90) continue;
    const prev = i === 0 ? 10 : text.charCodeAt(i - 1);
    if (prev === 32 || prev === 9 || prev === 10 || prev === 13 || prev === 40 || prev === 42) return true;
  }
  return false;
}

/**
 * The text inside a Markdown code fence that wraps the whole paste (```` ``` ```` or ```` ```text ```` on the
 * first line with text, ```` ``` ```` on the last): the fence is the chat's or issue's, and a CI log's
 * per-line stamps or prefixes are only recognised from the first line.
 */
function stripOuterFence(text: string): string {
  if (!text.includes("```")) return text;
  const start = text.search(PATTERNS.nonSpace);
  if (start < 0 || !text.startsWith("```", start)) return text;
  const open = text.indexOf("\n", start);
  if (open < 0) return text;
  // The opening line is the fence and at most a language name.
  if (!PATTERNS.fenceInfo.test(text.slice(start + 3, open))) return text;
  const end = text.trimEnd();
  if (!end.endsWith("```")) return text;
  const close = end.lastIndexOf("\n");
  if (close <= open || end.slice(close + 1).trim() !== "```") return text;
  return text.slice(open + 1, close);
}

function parseText(
  input: string,
  givenBody: Record<string, unknown> | undefined,
  depth: Depth,
): ParsedAuthError {
  // A whole HTML page is read for its text (and its $Config's error message), not its markup. A paste
  // copied with its Markdown code fence loses the fence first.
  const normalized = stripOuterFence(normalizeLineEnds(input));
  // A piece of the sign-in page's `$Config` (its source, pasted) gives its troubleshooting details too.
  let text = htmlPageText(normalized) ?? `${decodeEntities(normalized)}${signInPageDetails(normalized)}`;
  // A URL copied from a rendered page keeps the Markdown link around it: the URL shown is the one printed.
  if (text.includes("](")) text = text.replace(PATTERNS.markdownUrlLink, "$1");
  // Markdown emphasis around a quoted error (`_X: y_`) is the comment's, not the error's.
  if (emphasisOpens(text)) text = text.replace(PATTERNS.markdownEmphasisOpen, "$1");
  // A JSON log record: parse the field that holds the failure instead of the record around it.
  // A logfmt line: parse the quoted value that holds it, unless the text around the value is a producer's.
  const inner =
    givenBody || depth.unwrap >= MAX_UNWRAP_DEPTH
      ? undefined
      : (unwrapJsonLines(text) ??
        unwrapJsonRecord(text, (value) => detectProducer(head(value)) !== undefined) ??
        unwrapQuotedValue(text, (outside) => detectProducer(outside) !== undefined));
  if (inner !== undefined) return parseText(inner, undefined, { ...depth, unwrap: depth.unwrap + 1 });
  // Producers that claim a whole text (Terraform's `│ ` frame) are recognised before prefixes go.
  const pasted = text;
  text = stripLinePrefixes(text);
  // Text pasted with its JSON string escapes (a log field): undo one level so the shape shows again.
  const unescaped = looksEscaped(text) ? normalizeLineEnds(unescapeOnce(text)) : text;
  const out: ParsedAuthError = { codes: [] };

  let found: FoundBody = givenBody ? { body: givenBody as EntraErrorBody } : findBody(text);
  if (!found.body && unescaped !== text) found = findBody(unescaped);
  const redirect = found.body ? undefined : readRedirect(unescaped);
  const body = found.body ?? redirect;
  const shape = readProducers(unescaped);
  const chain = readChain(unescaped);
  // Labels and codes are read from text whose escaped line breaks are real ones.
  const plain = unescapeLineBreaks(unescaped);

  // A redirect carrying the error is the browser's. Otherwise the producer's marks decide; undoing
  // escapes can break what it was not meant for (a Windows path's `\node_modules`), so the text as it was
  // is asked too.
  const either = <T>(read: (t: string) => T | undefined): T | undefined =>
    read(head(unescaped)) ?? (unescaped === text ? undefined : read(head(text)));
  const producer = redirect ? undefined : either((t) => detectMarkedProducer(t, head(pasted)));
  // A host (a Kubernetes add-on) prints an SDK's wording under its own log prefix: both are reported.
  const sdk = redirect
    ? "browser"
    : producer?.host
      ? detectHosted(head(unescaped), head(pasted))?.sdk
      : producer?.sdk;
  if (producer?.host) out.host = producer.name;
  if (sdk) out.sdk = sdk;
  // With no producer's mark, a stack trace or a runtime's exception type still names the language the
  // program is written in: not an SDK (a third-party program prints it as often), but the terms to advise in.
  if (!producer && !redirect) {
    const runtime = either(detectRuntime);
    if (runtime) out.runtime = runtime;
  }

  const credential = readCredential(head(plain), {
    chain: chain.chain,
    // A chain with no printed name (Java's all-unavailable list) names only its members.
    unnamedChain: !chain.chain && (chain.members?.length ?? 0) > 0,
    shape: shape.credential,
    member: depth.chain > 0,
  });
  if (credential) out.credential = credential;
  if (shape.request) out.request = shape.request;
  const tenant = readTenant(head(plain));
  if (tenant) out.tenant = tenant;
  const status = readStatus(head(plain));
  if (status !== undefined) {
    out.status = status;
    if (shape.statusText === undefined && shape.statusReliable === false) out.statusReliable = false;
  }
  if (shape.statusText) out.statusText = shape.statusText;
  if (shape.troubleshootingUrl) out.troubleshootingUrl = shape.troubleshootingUrl;

  const error = body?.error ?? readOAuthError(head(plain));
  if (error) out.error = error;
  const description = body?.error_description ?? aadstsBlock(plain);
  if (description) out.errorDescription = normalizeLineEnds(unescapeLineBreaks(description));

  // Codes: the body's error_codes first (the contract), then msal-common's list, then every AADSTS code.
  const codes: number[] = [];
  const addCode = (c: unknown) => {
    const n = Number(c);
    if (Number.isInteger(n) && n > 0 && !codes.includes(n)) codes.push(n);
  };
  for (const c of body?.error_codes ?? []) addCode(c);
  for (const c of shape.codes ?? []) addCode(c);
  for (const n of aadstsCodes(plain)) addCode(n);
  out.codes = codes;

  // IDs and timestamp: JSON fields first, then labels in the description, then labels anywhere.
  const fromDescription = description ? descriptionParts(description) : {};
  const fromText = labels(plain);
  pick(out, "traceId", [body?.trace_id, fromDescription.traceId, fromText.traceId]);
  pick(out, "correlationId", [body?.correlation_id, fromDescription.correlationId, fromText.correlationId]);
  const timestampText = firstOf([
    body?.timestamp,
    fromDescription.timestampText,
    shape.timestampText,
    fromText.timestampText,
  ]);
  const timestamp = normalizeTimestamp(timestampText);
  if (timestamp && timestampText) {
    out.timestamp = timestamp;
    if (timestampText !== timestamp) out.timestampText = timestampText;
  }
  const conflicts = [
    conflict("traceId", body?.trace_id, fromDescription.traceId),
    conflict("correlationId", body?.correlation_id, fromDescription.correlationId),
    conflict(
      "timestamp",
      normalizeTimestamp(body?.timestamp),
      normalizeTimestamp(fromDescription.timestampText),
    ),
  ].filter((c) => c !== undefined);
  if (conflicts.length > 0) out.conflicts = conflicts;
  if (body?.error_uri) out.errorUri = body.error_uri;
  if (body?.suberror) out.suberror = body.suberror;
  if (body?.claims) out.claims = body.claims;

  // With no structured message, a short text (a pasted literal such as "Azure CLI not found on path") is
  // its own message. A longer text is a log excerpt whose first line is rarely the failure: no message.
  const message = fromDescription.message || shape.message || (body ? undefined : shortTextMessage(plain));
  if (message) out.message = messageText(message);

  const clientId = clientIdFrom(description ?? "") ?? clientIdFrom(head(plain));
  if (clientId) out.clientId = clientId;

  const serviceCode = found.service?.code ?? shape.serviceErrorCode;
  if (serviceCode) {
    out.serviceError = { code: serviceCode };
    if (found.service?.message) out.serviceError.message = found.service.message;
  }
  const exception = execIf(PATTERNS.exceptionName, unescaped)?.[1];
  if (exception) out.exception = exception;
  if (shape.command) out.command = shape.command;
  if (shape.cmdlet) out.cmdlet = shape.cmdlet;

  const members = chain.members;
  if (members && members.length > 0 && depth.chain < MAX_CHAIN_DEPTH) {
    // A member is a piece of the text already unwrapped: it is not unwrapped again.
    const inner = { unwrap: MAX_UNWRAP_DEPTH, chain: depth.chain + 1 };
    out.chain = members.map((m) => parseText(m, undefined, inner));
  }
  return out;
}

/**
 * An error object's own properties win over what its message says: they are what the SDK received.
 * Strings from the object are redacted like the text.
 */
function applyObjectFields(out: ParsedAuthError, f: ObjectFields, redactOn: boolean): void {
  const clean = (v: string) => (redactOn ? redact(v).text : v);
  if (f.error) out.error = clean(f.error);
  if (f.errorDescription && !out.errorDescription) {
    out.errorDescription = normalizeLineEnds(clean(f.errorDescription));
    const parts = descriptionParts(out.errorDescription);
    if (parts.message && !out.message) out.message = parts.message;
  }
  if (f.codes) out.codes = [...new Set([...f.codes, ...out.codes])];
  // IDs are the exception: the server's labelled values in the text win. MSAL's `correlationId` property
  // is the ID the client sent, which Entra normally echoes; when they differ, both are kept as a conflict.
  for (const key of ["traceId", "correlationId"] as const) {
    const own = validId(f[key] ? clean(f[key]) : undefined);
    if (!own) continue;
    const fromText = out[key];
    if (!fromText) out[key] = own;
    else if (fromText.toLowerCase() !== own.toLowerCase())
      out.conflicts = [...(out.conflicts ?? []), { field: key, values: [fromText, own] }];
  }
  const ts = normalizeTimestamp(f.timestamp);
  if (ts && f.timestamp) {
    out.timestamp = ts;
    if (ts !== f.timestamp) out.timestampText = f.timestamp;
    else delete out.timestampText;
  }
  if (f.status !== undefined && out.statusReliable !== false) out.status = f.status;
  if (f.suberror) out.suberror = clean(f.suberror);
  if (f.claims) out.claims = clean(f.claims);
  if (f.serviceCode) out.serviceError = { ...out.serviceError, code: clean(f.serviceCode) };
  if (f.exception && !out.exception) out.exception = f.exception;
}

function firstOf(values: Array<string | undefined>): string | undefined {
  return values.find((v) => typeof v === "string" && v.length > 0);
}

/**
 * The first value, except that a label read from the whole text wins over the same label cut short in the
 * description (a GUID wrapped onto the next line is only whole in the text).
 */
function pick(
  out: ParsedAuthError,
  key: "traceId" | "correlationId",
  [json, description, text]: Array<string | undefined>,
): void {
  const v =
    validId(json) ??
    validId(description && text?.startsWith(description) ? text : description) ??
    validId(text);
  if (v) out[key] = v;
}

/** Two sources in one text that disagree: the JSON field (reported) and the description's label. */
function conflict(field: string, json: string | undefined, label: string | undefined) {
  if (!json || !label || json.toLowerCase() === label.toLowerCase()) return undefined;
  // A redacted or truncated label is not a disagreement.
  if (json.toLowerCase().startsWith(label.toLowerCase())) return undefined;
  return { field, values: [json, label] };
}

/**
 * Longest message taken from a short plain text (one to three lines, no labelled message). Not
 * fields.ts's MAX_MESSAGE_LENGTH, which caps any message, however it was found.
 */
const SHORT_TEXT_MESSAGE_LENGTH = 500;

/** The text as one message when it has at most three non-empty lines, capped at SHORT_TEXT_MESSAGE_LENGTH. */
function shortTextMessage(text: string): string | undefined {
  const lines = text.split("\n", 50).filter((l) => l.trim() !== "");
  if (lines.length === 0 || lines.length > 3) return undefined;
  const t = lines.join(" ").trim();
  return t.length > SHORT_TEXT_MESSAGE_LENGTH ? `${t.slice(0, SHORT_TEXT_MESSAGE_LENGTH)}…` : t;
}

/**
 * The fields as the schema accepts them. A field that fails its schema is a reader bug: with
 * AADSTS_DEBUG=1 (as in this project's tests) it throws with zod's account of the field; otherwise the
 * field is dropped, so the result still keeps the contract.
 */
function validate(parsed: ParsedAuthError): ParsedAuthError {
  // The readers' output almost always passes: checked without zod, zod is asked only when it does not.
  const fast = checkedCopy(parsed);
  if (fast) return fast as ParsedAuthError;
  const first = ParsedAuthErrorSchema.safeParse(parsed);
  if (first.success) return first.data;
  if (debugging())
    throw new TypeError(
      `parse produced fields its schema rejects: ${first.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const copy: Record<string, unknown> = { ...parsed };
  for (const issue of first.error.issues) {
    const key = issue.path[0];
    if (typeof key === "string" && key !== "codes") delete copy[key];
  }
  const second = ParsedAuthErrorSchema.safeParse(copy);
  return second.success ? second.data : { codes: [] };
}
