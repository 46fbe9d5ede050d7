/**
 * The HTTP status of the failed response, in every form producers and people print it. Each form is one
 * pattern in src/patterns.ts; the status is the one that comes first in the text, so in a paste of two
 * failures it belongs to the first.
 */
import { PATTERNS } from "../patterns.js";
import { mayMatch } from "./prefilter.js";

/** .NET's HttpStatusCode names, as statusName reads them. */
const STATUS_NAMES: Record<string, number> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  TooManyRequests: 429,
  InternalServerError: 500,
  BadGateway: 502,
  ServiceUnavailable: 503,
  GatewayTimeout: 504,
};

const FORMS = [
  PATTERNS.responseLine,
  PATTERNS.statusLine,
  PATTERNS.statusLabelled,
  PATTERNS.statusReason,
  PATTERNS.statusReasonFirst,
  PATTERNS.statusName,
  PATTERNS.statusBodyPrefix,
  PATTERNS.statusInvalid,
  PATTERNS.statusBeforeRequest,
  PATTERNS.statusApiErrors,
  PATTERNS.statusAccessLog,
  PATTERNS.statusAfterCall,
  PATTERNS.statusInProse,
  PATTERNS.statusBracketed,
  PATTERNS.statusOwnLine,
  PATTERNS.statusOpensMessage,
] as const;

/**
 * The status the text states first, or undefined. An error status (400 and up) wins over a redirect one
 * stated before it: a redirect (`statusCode: 302` in a web framework's request log) is a step on the way,
 * not the failure, when the text goes on to state a failed response.
 */
export function readStatus(text: string): number | undefined {
  let best: number | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  let error: number | undefined;
  let errorAt = Number.POSITIVE_INFINITY;
  for (const form of FORMS) {
    const m = mayMatch(form, text) ? form.exec(text) : null;
    // A form with alternatives captures in the group of the one that matched.
    const value = m?.[1] ?? m?.[2] ?? m?.[3];
    if (!m || !value) continue;
    const at = m.index ?? 0;
    if (at >= bestAt && at >= errorAt) continue;
    // A name (`Unauthorized`) or a reason phrase (`Bad Request`) is looked up without its spaces.
    const n = STATUS_NAMES[value.replaceAll(" ", "")] ?? Number(value);
    if (!isHttpStatus(n)) continue;
    if (at < bestAt) {
      best = n;
      bestAt = at;
    }
    if (n >= 400 && at < errorAt) {
      error = n;
      errorAt = at;
    }
  }
  return error ?? best;
}

/**
 * A status HTTP defines (RFC 9110 and the registry's common additions, 300 to 511), or one a proxy in
 * front of the endpoint answers with (nginx's 499, Cloudflare's 520 to 527). A number in that range that
 * HTTP never uses is another protocol's reply code: SMTP's `535` and `550` after a `responseCode:` label
 * are not an HTTP status.
 */
function isHttpStatus(n: number): boolean {
  if (!Number.isInteger(n)) return false;
  if (n >= 300 && n <= 308) return true;
  if (n >= 400 && n <= 431) return n <= 418 || n >= 421;
  return n === 451 || n === 499 || (n >= 500 && n <= 511) || (n >= 520 && n <= 527);
}
