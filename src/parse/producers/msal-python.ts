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
  ],
  advice: "python",
};
