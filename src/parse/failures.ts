/**
 * Where one failure ends and the next begins, in a text that holds several (a log excerpt, a paste of
 * two attempts). parse() and explain() read the first failure whole; scan() reads each.
 */
import { PATTERNS } from "../patterns.js";
import type { ParsedAuthError } from "../schema.js";
import { aadstsCodes, labels, unescapeLineBreaks } from "./fields.js";
import { validId } from "./ids.js";

/**
 * What identifies one failure printed more than once (Python's log line and the traceback after it, a
 * JSON body and the message that repeats it): its trace ID, or lacking one its correlation ID.
 */
export function failureId(parsed: ParsedAuthError): string | undefined {
  return parsed.traceId ?? parsed.correlationId;
}

/**
 * failureId() for a part of a text that is not parsed whole: its labelled trace or correlation ID, else
 * its codes. (A JSON body's description carries the same labels as its trace_id field.)
 */
export function failureIdentity(part: string): string {
  const found = labels(unescapeLineBreaks(part));
  const id = failureId({
    codes: [],
    traceId: validId(found.traceId),
    correlationId: validId(found.correlationId),
  });
  return id ? id.toLowerCase() : `codes:${aadstsCodes(part).join(",")}`;
}

/**
 * Cut a text into parts, one per Entra error description (`AADSTSnnnn: …`) that follows a complete one
 * (its Trace ID or Timestamp label seen). A description with several codes (`AADSTS70002: … AADSTS50012:
 * …`) stays one part. A part starts at the line of its description, or earlier at the last line there
 * that starts a log record (a failure's header line comes before its description). Parts may still be
 * one failure printed twice: callers compare their failureId. At most `limit` parts: the last one holds
 * the rest of the text.
 */
export function splitFailures(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const parts: string[] = [];
  let from = 0;
  let prev = -1;
  // Trailer labels are found walking forward, each occurrence once: the last one before a description is
  // the previous description's trailer. A text of many descriptions costs one pass, not one per description.
  const labels = ["Timestamp:", "Trace ID:"].map((label) => ({ label, at: find(text, label, 0) }));
  let trailer = -1;
  for (const m of text.matchAll(PATTERNS.descriptionStart)) {
    if (parts.length + 1 >= limit) break;
    const at = m.index ?? 0;
    for (const l of labels)
      while (l.at < at) {
        trailer = Math.max(trailer, l.at);
        l.at = find(text, l.label, l.at + 1);
      }
    if (prev >= 0 && trailer > prev) {
      const cut = partStart(text, Math.max(from, trailer), at);
      parts.push(text.slice(from, cut));
      from = cut;
    }
    prev = at;
  }
  parts.push(text.slice(from));
  return parts;
}

/** indexOf, with Infinity for "not found". */
function find(text: string, label: string, from: number): number {
  const i = text.indexOf(label, from);
  return i < 0 ? Number.POSITIVE_INFINITY : i;
}

/**
 * Where the part holding the description at `at` begins: the last line start after the previous
 * trailer (at `after`) that opens a log record, else the line of the description, else `at` itself
 * (one line holding both).
 */
function partStart(text: string, after: number, at: number): number {
  const firstLine = text.indexOf("\n", after) + 1;
  if (firstLine <= 0 || firstLine > at) return at;
  let line = text.lastIndexOf("\n", at - 1) + 1;
  const own = line;
  while (line >= firstLine) {
    const end = text.indexOf("\n", line);
    if (PATTERNS.logRecordStart.test(text.slice(line, end < 0 ? text.length : end))) return line;
    if (line === firstLine) break;
    line = text.lastIndexOf("\n", line - 2) + 1;
  }
  return own;
}
