/**
 * Find the Entra error body (or a service's `{"error":{"code","message"}}` body) inside free text.
 * One linear pass pairs braces, counting quotes only inside braces, so prose with stray quotes around the
 * JSON does not derail it. Candidates are tried outermost first with JSON.parse; a body cut off mid-way
 * (truncated logs) falls back to reading the known keys leniently.
 */
import { PATTERNS } from "../patterns.js";
import { type EntraErrorBody, EntraErrorBodySchema } from "../schema.js";
import { codeList, unescapeOnce } from "./fields.js";
import { execIf } from "./prefilter.js";

export interface ServiceError {
  code: string;
  message?: string;
}

export interface FoundBody {
  body?: EntraErrorBody;
  service?: ServiceError;
}

const MAX_CANDIDATES = 32;
const MAX_DEPTH = 64;
const MAX_SPANS = 4096;

/**
 * `{…}` spans, in order of their start (the outermost first among those that start together). A quote
 * opens a string only inside braces; a backslash in a string escapes the next character.
 *
 * The characters that matter are few: outside braces only `{`, inside a string only `"` and `\\`. Those
 * stretches (the prose around a body, the values inside it: most of a text) are crossed with native
 * substring searches, each made once per character sought and kept until passed, instead of a
 * JavaScript step per character; only the JSON between strings is read one character at a time. The
 * spans are those of a walk over every character (test/json-body.test.ts holds the two to each other).
 * @internal
 */
export function braceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const stack: number[] = [];
  const n = text.length;
  // The next `"` and `\` at or after the walk's position (n: none), searched again once passed.
  let quote = -1;
  let backslash = -1;
  let i = 0;
  // At MAX_DEPTH open braces the oldest half is forgotten: no Entra body is nested that deep, and a run
  // of a million unclosed `{` before a real body must neither fill the stack nor hide the body.
  while (i < n) {
    if (stack.length === 0) {
      // Outside braces a quote opens nothing and a `}` closes nothing: the next `{` is all that counts.
      const open = text.indexOf("{", i);
      if (open < 0) break;
      stack.push(open);
      i = open + 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // A string: it ends at the first quote that no backslash escapes.
      let at = i + 1;
      for (;;) {
        if (quote < at) quote = nextOf(text, '"', at);
        if (backslash < at) backslash = nextOf(text, "\\", at);
        if (backslash < quote) at = backslash + 2;
        else break;
      }
      // An unterminated string runs to the end of the text.
      if (quote >= n) break;
      i = quote + 1;
      continue;
    }
    if (c === 123 /* { */) {
      if (stack.length >= MAX_DEPTH) stack.splice(0, MAX_DEPTH / 2);
      stack.push(i);
    } else if (c === 125 /* } */) {
      const start = stack.pop() as number;
      spans.push([start, i]);
      // At most MAX_CANDIDATES are tried; a text of half a million `{}` would otherwise build and sort
      // as many spans. An object enclosing more than MAX_SPANS others is not an Entra body.
      if (spans.length >= MAX_SPANS) break;
    }
    i++;
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return spans;
}

/** Where `s` next occurs in `text` from `from` on, or the text's length when it does not. */
function nextOf(text: string, s: string, from: number): number {
  const at = text.indexOf(s, from);
  return at < 0 ? text.length : at;
}

/** A serialised MSAL error (`JSON.stringify(err)`: errorCode, errorMessage, subError) read as a body. */
function fromMsalObject(v: Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof v.errorCode !== "string" || !PATTERNS.oauthErrorToken.test(v.errorCode)) return undefined;
  if (typeof v.errorMessage !== "string") return undefined;
  const body: Record<string, unknown> = { error: v.errorCode, error_description: v.errorMessage };
  if (typeof v.subError === "string" && v.subError) body.suberror = v.subError;
  if (typeof v.correlationId === "string" && v.correlationId) body.correlation_id = v.correlationId;
  if (typeof v.traceId === "string" && v.traceId) body.trace_id = v.traceId;
  if (typeof v.timestamp === "string" && v.timestamp) body.timestamp = v.timestamp;
  if (typeof v.claims === "string" && v.claims) body.claims = v.claims;
  return body;
}

function asEntraBody(value: unknown): EntraErrorBody | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const v = fromMsalObject(value as Record<string, unknown>) ?? (value as Record<string, unknown>);
  // A bare `error` counts only when it looks like an OAuth error token; log records use `error` for prose.
  const oauthError = typeof v.error === "string" && PATTERNS.oauthErrorToken.test(v.error);
  if (!oauthError && typeof v.error_description !== "string" && !Array.isArray(v.error_codes))
    return undefined;
  if (typeof v.error === "string" && !oauthError) return undefined;
  // A body whose known fields already have the schema's types is what the schema would give (less the
  // copy): zod is asked only about the rest.
  if (hasBodyTypes(v)) return v as EntraErrorBody;
  const result = EntraErrorBodySchema.safeParse(v);
  return result.success ? result.data : undefined;
}

/** The string fields of an Entra error body (EntraErrorBodySchema). */
const BODY_STRINGS = [
  "error",
  "error_description",
  "timestamp",
  "trace_id",
  "correlation_id",
  "error_uri",
  "suberror",
  "claims",
] as const;

/**
 * True when each field EntraErrorBodySchema knows is absent or of its type (strings; error_codes an
 * array of numbers and strings), so that the schema would accept the value. @internal
 */
export function hasBodyTypes(v: Record<string, unknown>): boolean {
  for (const key of BODY_STRINGS) if (v[key] !== undefined && typeof v[key] !== "string") return false;
  const codes = v.error_codes;
  if (codes === undefined) return true;
  return (
    Array.isArray(codes) &&
    codes.every((c) => (typeof c === "number" && Number.isFinite(c)) || typeof c === "string")
  );
}

function asServiceError(value: unknown): ServiceError | undefined {
  if (!value || typeof value !== "object") return undefined;
  const error = (value as Record<string, unknown>).error;
  if (!error || typeof error !== "object") return undefined;
  const { code, message } = error as Record<string, unknown>;
  if (typeof code !== "string" || !code) return undefined;
  return typeof message === "string" ? { code, message } : { code };
}

/**
 * When the whole text is one JSON log record (not an error body), the string field that holds the auth
 * failure, unwrapped from its JSON escaping. Nested records are searched up to six levels deep. Failing a
 * string that names an auth failure, the longest one `printed` recognises (a producer's mark: the Azure
 * CLI's `ERROR: … Run az login`, a cmdlet's error record), since its wording is the tool's, not the log's.
 */
export function unwrapJsonRecord(text: string, printed?: (value: string) => boolean): string | undefined {
  const t = text.trim();
  if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (asEntraBody(value)) return undefined;
  // Every string that mentions an auth failure, longest first; a string another one contains adds nothing
  // (pino's err.message is inside err.stack), the rest (msg: "ClientCertificateCredential.getToken failed")
  // is kept after the longest.
  const found: string[] = [];
  const others: string[] = [];
  let visited = 0;
  const visit = (v: unknown, depth: number) => {
    if (visited++ > 2000 || depth > 6) return;
    if (typeof v === "string") {
      const inner = v.trim();
      const nested =
        (inner.startsWith("{") || inner.startsWith("[")) && depth < 6
          ? unwrapJsonRecord(inner, printed)
          : undefined;
      if (nested) found.push(nested);
      else if (PATTERNS.authMarker.test(v)) found.push(v);
      else if (printed && inner.length >= 24) others.push(v);
    } else if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (v && typeof v === "object") for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(value, 0);
  if (found.length === 0 && printed) {
    // The few longest strings only: a big record of other text costs a handful of producer searches.
    const longest = others
      .sort((a, b) => b.length - a.length)
      .slice(0, 8)
      .find(printed);
    if (longest !== undefined) return longest;
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  for (const s of found) if (!kept.some((k) => k.includes(s))) kept.push(s);
  return kept.slice(0, 8).join("\n");
}

/** The fields a log shipper or a container runtime keeps a record's message in, most specific first. */
const LINE_MESSAGE_KEYS = ["log", "message", "msg", "MESSAGE", "@message", "textPayload", "Message", "body"];

/** Most records a JSON-lines text is read for (a longer one is not a paste of one failure). */
const MAX_JSON_LINES = 2000;

/**
 * A log exported one JSON record per line (Docker's json-file `{"log": "…\n", …}`, journald's, Loki's or
 * a logging library's JSON lines): the records' message fields, one per line, as the program printed
 * them. None unless at least two lines are records and every line with text is one, or when no message
 * field mentions an auth failure.
 */
export function unwrapJsonLines(text: string): string | undefined {
  const t = text.trim();
  if (!t.startsWith("{") || !t.endsWith("}") || !t.includes("\n")) return undefined;
  const lines = t.split("\n");
  if (lines.length > MAX_JSON_LINES) return undefined;
  const messages: string[] = [];
  let records = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    if (!line.startsWith("{") || !line.endsWith("}")) return undefined;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return undefined;
    }
    if (!record || typeof record !== "object" || Array.isArray(record)) return undefined;
    records++;
    const fields = record as Record<string, unknown>;
    const key = LINE_MESSAGE_KEYS.find((k) => typeof fields[k] === "string");
    if (key !== undefined) messages.push(withoutLineEnd(fields[key] as string));
  }
  if (records < 2) return undefined;
  const joined = messages.join("\n");
  return PATTERNS.authMarker.test(joined) ? joined : undefined;
}

/** A record's message without the line break its program ended it with. */
function withoutLineEnd(message: string): string {
  const end = message.endsWith("\r\n") ? 2 : message.endsWith("\n") ? 1 : 0;
  return end ? message.slice(0, -end) : message;
}

/**
 * The longest quoted `key="…"` value (logfmt, logrus, klog) that holds an auth failure, unescaped once.
 * Parsing the value instead of the line keeps the record's other fields out of the error's fields. None
 * when the rest of the value's line speaks of the failure too (an auth marker, or what `printedOutside`
 * recognises: a producer's mark): then the value is a quoted part of one message.
 */
export function unwrapQuotedValue(
  text: string,
  printedOutside: (outside: string) => boolean = () => false,
): string | undefined {
  if (!text.includes('="')) return undefined;
  let best: { value: string; before: string; after: string } | undefined;
  for (const m of text.matchAll(PATTERNS.quotedValue)) {
    const value = m[1] as string;
    if (!PATTERNS.authMarker.test(value) || (best && value.length <= best.value.length)) continue;
    // A value of one word (`category="invalid_client"` in a response header) names a failure; it is not
    // a record's message holding one.
    if (!value.includes(" ")) continue;
    const at = m.index ?? 0;
    const lineEnd = text.indexOf("\n", at + m[0].length);
    const before = text.slice(text.lastIndexOf("\n", at) + 1, at);
    const after = text.slice(at + m[0].length, lineEnd < 0 ? text.length : lineEnd);
    // An info or debug record tells what the program was doing, not what failed.
    if (PATTERNS.logfmtQuietLevel.test(before + m[0] + after)) continue;
    best = { value, before, after };
  }
  if (!best) return undefined;
  // The failure must be inside the value: a line whose own text also speaks of it (`AppId="…managed
  // identity…", … Exception Message: …`) is one message with a quoted part, not a record around one.
  // (Other lines of a log are other records.)
  const outside = best.before + best.after;
  return PATTERNS.authMarker.test(outside) || printedOutside(outside) ? undefined : unescapeOnce(best.value);
}

/** Entra bodies found in JSON objects anywhere in the text; the first one wins. */
export function findBody(text: string): FoundBody {
  const found: FoundBody = {};
  let tried = 0;
  let coveredUntil = -1;
  // A body whose opening brace was cut off the paste is still read leniently below.
  const spans = text.includes("{") ? braceSpans(text) : [];
  for (const [start, end] of spans) {
    if (start <= coveredUntil) continue;
    if (tried++ >= MAX_CANDIDATES) break;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end + 1));
    } catch {
      continue;
    }
    coveredUntil = end;
    found.body ??= asEntraBody(value);
    found.service ??= asServiceError(value);
    if (found.body) break;
  }
  if (!found.body && (text.includes('"error_description"') || text.includes('"error_codes"'))) {
    found.body = lenientBody(text);
  }
  if (!found.body && (text.includes("'error_description'") || text.includes("'error'"))) {
    found.body = pythonReprBody(text);
  }
  return found;
}

/** Known keys read one by one, for bodies that JSON.parse cannot take (cut off, or pasted incompletely). */
function lenientBody(text: string): EntraErrorBody | undefined {
  const body: Record<string, unknown> = {};
  for (const m of text.matchAll(PATTERNS.jsonStringField)) {
    const key = m[1] as string;
    if (key in body) continue;
    try {
      body[key] = JSON.parse(`"${m[2]}"`);
    } catch {
      body[key] = m[2];
    }
  }
  const codes = execIf(PATTERNS.jsonCodesField, text);
  if (codes?.[1]) body.error_codes = codeList(codes[1]);
  return Object.keys(body).length > 0 ? asEntraBody(body) : undefined;
}

/** MSAL Python's result dict printed with repr(): single-quoted keys, values quoted either way. */
function pythonReprBody(text: string): EntraErrorBody | undefined {
  const body: Record<string, unknown> = {};
  for (const m of text.matchAll(PATTERNS.pythonStringField)) {
    const key = m[1] as string;
    if (key in body) continue;
    const raw = m[2] ?? m[3] ?? "";
    body[key] = unescapeOnce(raw.split("\\'").join("'"));
  }
  const codes = execIf(PATTERNS.pythonCodesField, text);
  if (codes?.[1]) body.error_codes = codeList(codes[1]);
  return Object.keys(body).length > 0 ? asEntraBody(body) : undefined;
}
