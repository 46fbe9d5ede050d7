import { explain } from "./explain.js";
import { explanationOf } from "./identity.js";
import { hasSignal } from "./match/index.js";
import { readProp, safeStringify } from "./parse/input.js";
import { redact } from "./redact.js";
import type { Confidence, Explanation } from "./schema.js";
import { topLink } from "./top-link.js";

/** The Entra part of {@link SerializedError}: present only for an authentication failure. */
export interface SerializedAuthFailure {
  /** AADSTS codes, in order of first appearance. */
  codes: number[];
  traceId?: string;
  correlationId?: string;
  /** The top match's catalog id (`client-secret-expired`). */
  id?: string;
  title?: string;
  /** One line: what failed and the best explanation (the explanation's own summary). */
  summary: string;
  /**
   * The top match's first link; Microsoft's lookup page instead for a code the catalog lacks when the top
   * match is only a low-confidence guess.
   */
  link?: string;
  confidence?: Confidence;
}

/**
 * What {@link serializeError} returns: plain data, safe for `JSON.stringify`. The fields of pino's standard
 * error serializer (`type`, `message`, `stack`, `cause`, `aggregateErrors`), plus `aadsts` for an Entra
 * authentication failure.
 */
export interface SerializedError {
  /** The error's class (`AuthenticationError`), or `typeof` for a value that is no object (`string`). */
  type: string;
  /** The message, secrets redacted. */
  message: string;
  /** The stack, secrets redacted, when there is one. */
  stack?: string;
  /** The error's own `code` (`ECONNREFUSED`, a RestError's service code), when it is a string or number. */
  code?: string | number;
  /** An HTTP status the error carries (`statusCode`, as RestError and AuthenticationError set it). */
  statusCode?: number;
  cause?: SerializedError;
  /** The errors of an AggregateError (and of @azure/identity's AggregateAuthenticationError). */
  aggregateErrors?: SerializedError[];
  aadsts?: SerializedAuthFailure;
}

/** Causes followed at most this deep, and members of an aggregate at most this many. */
const MAX_DEPTH = 5;
const MAX_MEMBERS = 20;
/** A thrown object that is not an Error is written as JSON of at most this many characters. */
const MAX_OBJECT_TEXT = 4_096;

/**
 * A plain, JSON-safe object for any thrown value, for structured loggers: `type`, `message` and `stack`
 * (secrets redacted), `cause` and `aggregateErrors` when present, and for an Entra authentication failure
 * `aadsts` with its codes, trace and correlation IDs, and the top match's id, title, summary, first link
 * and confidence. Anything else gets no `aadsts` key. Never throws.
 *
 * @example
 * ```ts
 * import pino from "pino";
 * import { serializeError } from "aadsts";
 *
 * const log = pino({ serializers: { err: serializeError } });
 * log.error({ err }, "could not read the secret");
 * ```
 */
export function serializeError(err: unknown): SerializedError {
  try {
    return serialize(err, new Set(), 0, true);
  } catch {
    return { type: "unknown", message: "" };
  }
}

function serialize(value: unknown, seen: Set<object>, depth: number, top: boolean): SerializedError {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) {
    const text = value === undefined ? "" : safeString(value);
    const out: SerializedError = { type: value === null ? "null" : typeof value, message: clean(text) };
    // A string can be a whole SDK message or log line: it is explained like any error.
    if (top && typeof value === "string") addAadsts(out, value);
    return out;
  }
  seen.add(value);
  const out: SerializedError = { type: typeName(value), message: clean(messageOf(value)) };
  const stack = readProp(value, "stack");
  if (typeof stack === "string" && stack) out.stack = clean(stack);
  const code = readProp(value, "code");
  if (typeof code === "string" || (typeof code === "number" && Number.isFinite(code))) out.code = code;
  const status = readProp(value, "statusCode");
  if (typeof status === "number" && Number.isInteger(status)) out.statusCode = status;
  if (depth < MAX_DEPTH) {
    const cause = readProp(value, "cause");
    if (cause !== undefined && !(typeof cause === "object" && cause !== null && seen.has(cause)))
      out.cause = serialize(cause, seen, depth + 1, false);
    const errors = readProp(value, "errors");
    if (Array.isArray(errors)) {
      const members = errors.slice(0, MAX_MEMBERS).filter((e) => !(typeof e === "object" && seen.has(e)));
      out.aggregateErrors = members.map((e) => serialize(e, seen, depth + 1, false));
    }
  }
  // The explanation reads the whole object, causes and chain members included: one `aadsts` at the top.
  if (top) addAadsts(out, value);
  return out;
}

/** `aadsts` for an authentication failure; an error that merely looks like one (a bare 500) gets none. */
function addAadsts(out: SerializedError, value: unknown): void {
  // An error that came through explainingCredential already carries its explanation.
  const ex = explanationOf(value) ?? explain(value, { limit: 1 });
  if (!isAuthFailure(ex)) return;
  const { parsed } = ex;
  const top = ex.matches[0];
  const link = topLink(ex);
  out.aadsts = {
    codes: [...parsed.codes],
    ...(parsed.traceId ? { traceId: parsed.traceId } : {}),
    ...(parsed.correlationId ? { correlationId: parsed.correlationId } : {}),
    ...(top ? { id: top.id, title: top.title } : {}),
    summary: clean(ex.summary),
    ...(link ? { link } : {}),
    ...(top ? { confidence: top.confidence } : {}),
  };
}

/**
 * An Entra failure: an AADSTS code, a credential named, or an OAuth error; or another signal of one (an
 * HTTP status, a service error) with a match that rests on more than that signal alone. A refused
 * connection to a database, or a plain HTTP 500, is not one.
 */
function isAuthFailure(ex: Explanation): boolean {
  const { parsed } = ex;
  if (parsed.codes.length > 0 || parsed.credential !== undefined || parsed.error !== undefined) return true;
  const top = ex.matches[0];
  return top !== undefined && top.confidence !== "low" && hasSignal(parsed);
}

function clean(text: string): string {
  return redact(text).text;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "";
  }
}

/** The class name, as pino's serializer gives it: the constructor's name, else `name`, else "Object". */
function typeName(value: object): string {
  const ctor = readProp(value, "constructor");
  const fromCtor = typeof ctor === "function" ? readProp(ctor, "name") : undefined;
  if (typeof fromCtor === "string" && fromCtor) return fromCtor;
  const name = readProp(value, "name");
  return typeof name === "string" && name ? name : "Object";
}

/** An Error's message; for another object its `message` when a string, else its JSON (cut short). */
function messageOf(value: object): string {
  const message = readProp(value, "message");
  if (typeof message === "string") return message;
  if (value instanceof Error) return "";
  const text = safeStringify(value, MAX_OBJECT_TEXT);
  return text.length > MAX_OBJECT_TEXT ? `${text.slice(0, MAX_OBJECT_TEXT)}…` : text;
}
