/**
 * Where one failure ends and the next begins, in a text that holds several (a log excerpt, a paste of
 * two attempts). parse() and explain() read the first failure whole; scan() reads each.
 */
import { PATTERNS } from "../patterns.js";
import type { ParsedAuthError } from "../schema.js";

/**
 * What identifies one failure printed more than once (Python's log line and the traceback after it, a
 * JSON body and the message that repeats it): its trace ID, or lacking one its correlation ID.
 */
export function failureId(parsed: ParsedAuthError): string | undefined {
  return parsed.traceId ?? parsed.correlationId;
}

/**
 * Cut a text into parts, one per Entra error description (`AADSTSnnnn: …`) that follows a complete one
 * (its Trace ID or Timestamp label seen). A description with several codes (`AADSTS70002: … AADSTS50012:
 * …`) stays one part. A part starts at the line of its description, or earlier at the last line there
 * that starts a log record (a failure's header line comes before its description). Parts may still be
 * one failure printed twice: callers compare their failureId.
 */
export function splitFailures(text: string): string[] {
  const starts: number[] = [];
  for (const m of text.matchAll(PATTERNS.descriptionStart)) starts.push(m.index ?? 0);
  if (starts.length < 2) return [text];
  const parts: string[] = [];
  let from = 0;
  for (let i = 1; i < starts.length; i++) {
    const at = starts[i] as number;
    const prev = text.slice(from, at);
    const trailer = Math.max(prev.lastIndexOf("Timestamp:"), prev.lastIndexOf("Trace ID:"));
    if (trailer < 0) continue;
    const cut = partStart(text, from + trailer, at);
    parts.push(text.slice(from, cut));
    from = cut;
  }
  parts.push(text.slice(from));
  return parts;
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
