/**
 * Turn whatever the caller handed us (string, Error, plain object, anything) into text plus, where the
 * input already is one, an Entra error body. Nothing here may throw: getters can throw, objects can be
 * cyclic or huge, and `String(x)` itself can throw (`Symbol`, objects with a throwing `toString`).
 */

import { PATTERNS } from "../patterns.js";

/** Default cap on the text we read from one input, in UTF-16 code units. */
export const MAX_INPUT_LENGTH = 1_000_000;

export interface InputText {
  text: string;
  /** The input itself was an Entra error body (a plain object with `error`/`error_description`). */
  body?: Record<string, unknown>;
  /** Fields an error object states in its own properties; they win over what its message says. */
  fields?: ObjectFields;
  /** The errors an aggregate error holds (AggregateAuthenticationError.errors), one per credential. */
  members?: unknown[];
}

/** What error objects of @azure/identity, MSAL and @azure/core-rest-pipeline carry as properties. */
export interface ObjectFields {
  error?: string;
  errorDescription?: string;
  codes?: number[];
  traceId?: string;
  correlationId?: string;
  timestamp?: string;
  status?: number;
  suberror?: string;
  claims?: string;
  serviceCode?: string;
  exception?: string;
}

const MAX_CAUSE_DEPTH = 5;

/** Read one property without letting a throwing getter escape. */
export function readProp(obj: object, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

export function looksLikeEntraBody(obj: object): boolean {
  const error = readProp(obj, "error");
  const description = readProp(obj, "error_description");
  const codes = readProp(obj, "error_codes");
  return (
    typeof description === "string" ||
    (typeof error === "string" && (Array.isArray(codes) || typeof readProp(obj, "error_uri") === "string"))
  );
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "";
  }
}

/** JSON text for an arbitrary value: cycles become "[Circular]", throwing getters are skipped, depth is capped. */
export function safeStringify(value: unknown, maxLength = MAX_INPUT_LENGTH): string {
  const seen = new WeakSet<object>();
  let budget = maxLength;
  const walk = (v: unknown, depth: number): unknown => {
    if (budget <= 0) return "[…]";
    if (v === null || typeof v === "number" || typeof v === "boolean") return v;
    if (typeof v === "string") {
      budget -= v.length;
      return v;
    }
    if (typeof v === "bigint") return v.toString();
    if (typeof v !== "object") return undefined;
    if (seen.has(v)) return "[Circular]";
    if (depth > 8) return "[…]";
    seen.add(v);
    if (Array.isArray(v)) return v.slice(0, 1000).map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    let keys: string[] = [];
    try {
      keys = Object.keys(v).slice(0, 1000);
    } catch {
      return "[Unreadable]";
    }
    if (v instanceof Error)
      keys = ["name", "message", ...keys.filter((k) => k !== "name" && k !== "message")];
    for (const k of keys) {
      const w = walk(readProp(v, k), depth + 1);
      if (w !== undefined) Object.defineProperty(out, k, { value: w, enumerable: true, writable: true });
    }
    return out;
  };
  try {
    return JSON.stringify(walk(value, 0)) ?? "";
  } catch {
    return "";
  }
}

/**
 * The text of an Error-like object: `Name: message`, then each `cause` on its own line (not for a chain
 * member: its text is the line the chain prints for it, so the object and String(err) tell one story).
 */
function errorText(obj: object, seen: Set<object>, depth: number, causes = true): string {
  seen.add(obj);
  const name = readProp(obj, "name");
  const message = readProp(obj, "message");
  let text = typeof message === "string" ? message : "";
  if (typeof name === "string" && name && name !== "Error" && !text.startsWith(name))
    text = `${name}: ${text}`;
  const cause = causes ? readProp(obj, "cause") : undefined;
  if (cause && depth < MAX_CAUSE_DEPTH) {
    if (typeof cause === "string") text += `\nCaused by: ${cause}`;
    else if (typeof cause === "object" && !seen.has(cause))
      text += `\nCaused by: ${errorText(cause, seen, depth + 1)}`;
  }
  return text;
}

const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);

function codesOf(v: unknown): number[] | undefined {
  const list = Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v];
  const codes = list.map((c) => Number(c)).filter((n) => Number.isInteger(n) && n > 0);
  return codes.length > 0 ? codes : undefined;
}

/**
 * The structured fields of an error object and of its `cause` chain (the object's own fields first):
 * @azure/identity's `errorResponse` and `statusCode`, MSAL's `errorCode`, `errorMessage`, `subError`,
 * `correlationId`, `errorNo`, `claims`, `status`, and RestError's `statusCode`, `code` and response body.
 */
function objectFields(obj: object, seen: Set<object>, depth: number): ObjectFields {
  seen.add(obj);
  const f: ObjectFields = {};
  const name = str(readProp(obj, "name"));
  if (name && name !== "Error") f.exception = name;
  const response = readProp(obj, "errorResponse");
  if (response && typeof response === "object") {
    // The EnvironmentCredential wrapper puts a sentence in `error`; only an OAuth error token counts.
    const error = str(readProp(response, "error"));
    if (error && PATTERNS.oauthErrorToken.test(error)) f.error = error;
    f.errorDescription = str(readProp(response, "errorDescription"));
    f.codes = codesOf(readProp(response, "errorCodes"));
    f.traceId = str(readProp(response, "traceId"));
    f.correlationId = str(readProp(response, "correlationId"));
    f.timestamp = str(readProp(response, "timestamp"));
  }
  const errorCode = str(readProp(obj, "errorCode"));
  if (errorCode && PATTERNS.oauthErrorToken.test(errorCode)) f.error ??= errorCode;
  f.errorDescription ??= str(readProp(obj, "errorMessage"));
  f.codes ??= codesOf(readProp(obj, "errorNo"));
  f.traceId ??= str(readProp(obj, "traceId"));
  f.correlationId ??= str(readProp(obj, "correlationId"));
  f.timestamp ??= str(readProp(obj, "timestamp"));
  f.suberror = str(readProp(obj, "subError")) ?? str(readProp(obj, "suberror"));
  f.claims = str(readProp(obj, "claims"));
  const status = readProp(obj, "statusCode") ?? readProp(obj, "status");
  if (typeof status === "number" && Number.isInteger(status) && status >= 100 && status < 600)
    f.status = status;
  // RestError's `code` is the service's error code (AuthorizationFailed), not an OAuth error.
  const code = str(readProp(obj, "code"));
  if (code && name === "RestError") f.serviceCode = code;
  const cause = readProp(obj, "cause");
  if (cause && typeof cause === "object" && !seen.has(cause) && depth < MAX_CAUSE_DEPTH) {
    const inner = objectFields(cause, seen, depth + 1) as Record<string, unknown>;
    const own = f as Record<string, unknown>;
    for (const [k, v] of Object.entries(inner)) if (k !== "exception" && own[k] === undefined) own[k] = v;
  }
  for (const k of Object.keys(f) as Array<keyof ObjectFields>) if (f[k] === undefined) delete f[k];
  return f;
}

/** The `at …` lines of a stack, at most 20 of them. */
function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== "string") return undefined;
  const frames = stack
    .slice(0, 20_000)
    .split("\n")
    .filter((l) => l.trimStart().startsWith("at "))
    .slice(0, 20);
  return frames.length > 0 ? frames.join("\n") : undefined;
}

/** The text of a RestError's response body, so the service's JSON is parsed along with the message. */
function responseBody(obj: object): string | undefined {
  const response = readProp(obj, "response");
  if (!response || typeof response !== "object") return undefined;
  const body = readProp(response, "bodyAsText");
  return typeof body === "string" && body ? body.slice(0, MAX_INPUT_LENGTH) : undefined;
}

/**
 * The text (and fields) of any input. A chain `member` (one of an aggregate error's `errors`) gives the
 * line its chain prints for it: no stack frames, no causes; its fields still come from the whole object.
 */
export function toInputText(input: unknown, member = false): InputText {
  if (typeof input === "string") return { text: input };
  if (input === null || input === undefined) return { text: "" };
  if (typeof input !== "object") return { text: typeof input === "symbol" ? "" : safeString(input) };
  if (looksLikeEntraBody(input))
    return { text: safeStringify(input), body: input as Record<string, unknown> };
  if (input instanceof Error || typeof readProp(input, "message") === "string") {
    let text = errorText(input, new Set(), 0, !member);
    // The stack's frames can name the flow that failed (@azure/identity's getTokenByClientCertificate)
    // when the message does not. The message part of the stack is already in the text.
    const frames = member ? undefined : stackFrames(readProp(input, "stack"));
    if (frames) text += `\n${frames}`;
    const body = responseBody(input);
    if (body) text += `\n${body}`;
    const out: InputText = { text };
    const fields = objectFields(input, new Set(), 0);
    if (Object.keys(fields).length > 0) out.fields = fields;
    const errors = readProp(input, "errors");
    if (Array.isArray(errors) && errors.length > 0) out.members = errors.slice(0, 50);
    return out;
  }
  return { text: safeStringify(input) };
}
