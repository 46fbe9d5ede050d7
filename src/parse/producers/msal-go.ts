/** MSAL for Go used directly: `http call(<url>)(POST) error: reply status code was 401:`. */
import { PATTERNS } from "../../patterns.js";
import { execIf } from "../prefilter.js";
import type { Producer, ProducerFindings } from "./types.js";

export const msalGo: Producer = {
  name: "msal-go",
  sdk: "msal-go",
  markers: [
    PATTERNS.msalGoCall,
    // Its base client names the grant that failed: `FromClientSecret(): http call(…)`.
    /github\.com\/AzureAD\/microsoft-authentication-library-for-go\/|\bFrom(?:ClientSecret|Assertion|AuthCode|RefreshToken|UsernamePassword|DeviceCodeResult|SamlGrant)\(\): /,
    // Its own option and response type names in its messages: `…specified with public.WithSilentAccount()`,
    // `TenantDiscoveryResponse: issuer '…' does not match authority '…'`.
    /\bpublic\.WithSilentAccount\(\)|\bTenantDiscoveryResponse: /,
  ],
  wrappedBy: "go",
  advice: "go",
  read(text: string): ProducerFindings {
    const call = execIf(PATTERNS.msalGoCall, text);
    return call?.[1] && call[2] ? { request: { method: call[2], url: call[1] } } : {};
  },
};
