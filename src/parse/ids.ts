/**
 * The identifiers of a failure (trace, correlation and client IDs) and its tenant: what counts as one,
 * and every form the tenant is printed in. A value a person masked or mangled is not an identifier:
 * `***`, `XXX`, `<trace-id>`, `redacted`, a GUID with letters past `f` or dashes out of place, and the
 * all-zero (or one-digit) placeholder GUIDs. A GUID cut short by the paste is kept as printed.
 */
import { PATTERNS } from "../patterns.js";
import { execIf } from "./prefilter.js";

/** The value, without a trailing dash, when it is a GUID or a prefix of one that is not a placeholder. */
export function validId(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const id = value.trim();
  if (!PATTERNS.guidPrefix.test(id)) return undefined;
  // One digit repeated (00000000-0000-…, ffffffff) is a placeholder, not an ID.
  if (oneDigitRepeated(id)) return undefined;
  return id.endsWith("-") ? id.slice(0, -1) : id;
}

/** True when every hex digit of a GUID (prefix) is the same one, in either case; dashes do not count. */
function oneDigitRepeated(id: string): boolean {
  let first = -1;
  for (let i = 0; i < id.length; i++) {
    let c = id.charCodeAt(i);
    if (c === 45) continue; // -
    if (c >= 65 && c <= 70) c += 32; // A-F as a-f
    if (first === -1) first = c;
    else if (c !== first) return false;
  }
  return true;
}

/** Path words of the login hosts that are not tenants. */
const NOT_TENANTS = new Set([
  "error",
  "oauth",
  "oauth2",
  "favicon.ico",
  "v2.0",
  "discovery",
  "common.srf",
  "kmsi",
]);

/** A tenant as printed, unless it is a placeholder (`xxxx`, `<tenant-id>`, `{{TENANT}}`, `***`, all zeros). */
export function validTenant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let t = value.trim();
  try {
    // A stray newline or space read into the tenant is sent encoded (`…%0A/oauth2`): the ID is what
    // precedes it.
    t = decodeURIComponent(t).trim();
  } catch {}
  if (t === "" || NOT_TENANTS.has(t.toLowerCase())) return undefined;
  if (PATTERNS.placeholderMark.test(t)) return undefined;
  // A GUID-like tenant must be a real (possibly cut) GUID.
  if (PATTERNS.guidLike.test(t) && !validId(t)) return undefined;
  return t;
}

/**
 * The tenant of the failing request: the first path segment of a login-host URL (the request Go prints,
 * a token URL in any wrapper, urllib3's `Max retries exceeded with url: /<tenant>/…`), else the tenant
 * an Entra message names.
 */
export function readTenant(text: string): string | undefined {
  for (const m of text.matchAll(PATTERNS.loginUrlTenant)) {
    // A sentence's punctuation after the URL is not part of it.
    const segment = m[1]?.replace(PATTERNS.trailingPunctuation, "");
    const t = validTenant(segment);
    if (t) return t;
    // A placeholder in the URL is the person's redaction: the tenant is not in the text.
    if (segment && !NOT_TENANTS.has(segment.toLowerCase())) return undefined;
  }
  const pool = execIf(PATTERNS.poolUrlTenant, text)?.[1];
  if (pool) return validTenant(pool);
  const named = execIf(PATTERNS.messageTenant, text);
  return validTenant(named?.slice(1).find((v) => v !== undefined));
}
