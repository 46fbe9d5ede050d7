/** MSAL for JavaScript (msal-common, msal-node, msal-browser, msal-angular, msal-react). */
import { PATTERNS } from "../../patterns.js";
import { codeList } from "../fields.js";
import { mayMatch } from "../prefilter.js";
import type { Producer, ProducerFindings } from "./types.js";

export const msalJs: Producer = {
  name: "msal-js",
  sdk: "msal-js",
  markers: [
    // Its own exception names, links and wordings.
    /\b(?:ServerError|InteractionRequiredAuthError|ClientAuthError)\b|Error\(s\): [\d,]{1,200} - Timestamp:|: [\d,]{1,200} - \[\d{4}-\d{2}-\d{2}/,
    // MSAL for JavaScript beyond msal-common's classes.
    /\berrorCode: '[a-z][a-z0-9_]{1,60}'|\bBrowserAuthError\b|\bBrowserConfigurationAuthError\b|@azure\/msal-(?:node|browser|common|angular|react)\b/,
    // msal-common's configuration error, msal-browser's own error codes and msal-common's token request
    // built without a code or refresh token (`request_cannot_be_made`).
    /\bClientConfigurationError\b|\b(?:popup_window_error|empty_window_error|monitor_window_timeout|block_iframe_reload|block_nested_popups|redirect_in_iframe|interaction_in_progress)\b|\brequest_cannot_be_made: Token request cannot be made without/,
    // msal-angular's and msal-react's own classes (MsalGuard, MsalInterceptor, MsalBroadcastService,
    // MsalRedirectComponent; MsalProvider, MsalAuthenticationTemplate), in a stack or a log line.
    /\bMsal(?:Guard|Interceptor|BroadcastService|RedirectComponent|Provider|AuthenticationTemplate)\b/,
    // Its other error classes, printed its way: `NativeAuthError: user_switch: …`, `CacheError:
    // cache_quota_exceeded: …` (the class alone is too common a name to be a mark).
    /\b(?:NativeAuthError|ReactAuthError|NodeAuthError|JoseHeaderError|CacheError|ManagedIdentityError|NestedAppAuthError): [a-z][a-z0-9_]{1,60}: /,
  ],
  wrappedBy: "js",
  advice: "js",
  read: readMsalJs,
};

/**
 * msal-common's layouts (also inside @azure/identity's AuthenticationRequiredError): the code list and
 * the timestamp. The error before them is read with every other form of it (oauth-error.ts).
 */
function readMsalJs(text: string): ProducerFindings {
  // Most texts hold none of these layouts: their required literals say so before the patterns run.
  const current = mayMatch(PATTERNS.msalJsNew, text) ? PATTERNS.msalJsNew.exec(text) : null;
  if (current) {
    const ts = PATTERNS.msalJsTimestamp.exec(text)?.[1];
    return { codes: codeList(current[2]), ...(ts ? { timestampText: ts } : {}) };
  }
  const old = mayMatch(PATTERNS.msalJsOld, text) ? PATTERNS.msalJsOld.exec(text) : null;
  if (old) return { codes: codeList(old[2]), ...(old[3] ? { timestampText: old[3] } : {}) };
  const bracket = mayMatch(PATTERNS.msalJsBracketTimestamp, text)
    ? PATTERNS.msalJsBracketTimestamp.exec(text)?.[1]
    : undefined;
  return bracket ? { timestampText: bracket } : {};
}
