/** MSAL4J (com.microsoft.aad.msal4j). azure-identity for Java wraps it. */
import type { Producer } from "./types.js";

export const msalJava: Producer = {
  name: "msal-java",
  sdk: "msal-java",
  markers: [
    /com\.microsoft\.aad\.msal4j\./,
    // MSAL4J's InteractionRequiredExceptionReason, printed by an exception's field dump (`reason=NONE`).
    /\breason=(?:NONE|BASIC_ACTION|ADDITIONAL_ACTION|MESSAGE_ONLY|CONSENT_REQUIRED|USER_PASSWORD_EXPIRED)\b/,
  ],
  wrappedBy: "java",
  advice: "java",
};
