/**
 * The OAuth `error` field (or the MSAL/ADAL error code printed in its place), in every form it is
 * printed. Each form is one pattern in src/patterns.ts. The form that comes first in the text wins, so in
 * a paste of two failures the error is the first one's; a known OAuth error name anywhere is the last
 * resort. Words that are the names of other fields (`error_description: AADSTS…`, `client_id: …`) and
 * log-framework names are never an error.
 */
import { PATTERNS } from "../patterns.js";
import { execIf, mayMatch } from "./prefilter.js";

const FORMS = [
  PATTERNS.errorKeyed,
  PATTERNS.errorParam,
  PATTERNS.errorLabelled,
  PATTERNS.errorParenthesised,
  PATTERNS.errorBracketed,
  PATTERNS.errorPrefix,
  PATTERNS.errorAlone,
] as const;

/** Snake-case words that name request and response fields, never an error. */
const FIELD_NAMES = new Set([
  "error_description",
  "error_codes",
  "error_code",
  "error_uri",
  "trace_id",
  "correlation_id",
  "client_id",
  "client_secret",
  "client_info",
  "client_assertion",
  "client_assertion_type",
  "tenant_id",
  "grant_type",
  "redirect_uri",
  "response_type",
  "response_mode",
  "access_token",
  "refresh_token",
  "id_token",
  "token_type",
  "expires_in",
  "ext_expires_in",
  "api_version",
  "object_id",
  "subscription_id",
  "resource_group",
  "code_verifier",
  "login_hint",
  "domain_hint",
  "session_state",
  // The ways a client authenticates to the token endpoint (token_endpoint_auth_method), which
  // openid-client names in its own errors ("client_secret_basic client authentication method requires…").
  "client_secret_basic",
  "client_secret_post",
  "client_secret_jwt",
  "private_key_jwt",
  "tls_client_auth",
  "self_signed_tls_client_auth",
]);

/** How far past its start a form's match can reach (a label, a separator and the error name). */
const FORM_REACH = 200;

export function readOAuthError(text: string): string | undefined {
  let best: string | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  let bareLabel = false;
  for (const form of FORMS) {
    // Only a match before the best so far can win: the later forms search no further than that.
    const window = bestAt === Number.POSITIVE_INFINITY ? text : text.slice(0, bestAt + FORM_REACH);
    // The whole text is asked (the window is part of it): its trigrams are known already.
    if (!mayMatch(form, text)) continue;
    for (const m of window.matchAll(form)) {
      const value = m[1] ?? m[2];
      const at = m.index ?? 0;
      if (at >= bestAt) break;
      // Message keys of applications (`erroroidccall_message`) are named for errors; no OAuth error is.
      if (!value || FIELD_NAMES.has(value) || value.startsWith("error")) continue;
      // A line that is only a word is an error only when the word is a standard one.
      if (form === PATTERNS.errorAlone && !PATTERNS.errorKnownName.test(value)) continue;
      best = value;
      bestAt = at;
      bareLabel = form === PATTERNS.errorLabelled && PATTERNS.errorBareLabel.test(m[0]);
      break;
    }
  }
  // An application's own identifier after a bare `Error:` label (`Error: bc_auth_check_token - "invalid_grant"`)
  // gives way to a standard OAuth error the text also names.
  if (best !== undefined && !(bareLabel && !PATTERNS.errorKnownName.test(best))) return best;
  return execIf(PATTERNS.errorKnownName, text)?.[1] ?? best;
}
