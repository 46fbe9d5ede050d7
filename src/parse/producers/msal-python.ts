/**
 * MSAL for Python used directly: its result dict printed with repr(). azure-identity never prints that
 * dict, so a dict before a traceback is MSAL's (no wrappedBy).
 */
import type { Producer } from "./types.js";

export const msalPython: Producer = {
  name: "msal-python",
  sdk: "msal-python",
  markers: [
    // Its own exception names, links and wordings.
    /\{'error': '[a-z]{1,30}(?:_[a-z0-9]{1,30}){1,6}', 'error_description': /,
    // MSAL Python used directly.
    /\bmsal\.application\b|site-packages[\\/]msal[\\/]|\bmsal\.(?:ConfidentialClient|PublicClient)Application\b/,
    // Its other modules, which are also its loggers' names (msal/authority.py, token_cache.py,
    // managed_identity.py, throttled_http_client.py, oauth2cli/), and authority.py's error for an authority
    // it cannot discover.
    /\bmsal\.(?:authority|token_cache|managed_identity|throttled_http_client|oauth2cli)\b|Unable to get authority configuration for https?:\/\//,
  ],
  advice: "python",
};
