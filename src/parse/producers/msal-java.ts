/** MSAL4J (com.microsoft.aad.msal4j). azure-identity for Java wraps it. */
import type { Producer } from "./types.js";

export const msalJava: Producer = {
  name: "msal-java",
  sdk: "msal-java",
  markers: [
    /com\.microsoft\.aad\.msal4j\./,
    // MSAL4J's InteractionRequiredExceptionReason, printed by an exception's field dump (`reason=NONE`).
    /\breason=(?:NONE|BASIC_ACTION|ADDITIONAL_ACTION|MESSAGE_ONLY|CONSENT_REQUIRED|USER_PASSWORD_EXPIRED)\b/,
    // MSAL4J's own exception for a silent call that needs the user (MsalInteractionRequiredException.java;
    // MSAL.NET names its own MsalUiRequiredException), and Spring Boot's shortened logger name for the
    // package (`c.m.a.msal4j.`).
    /\bMsalInteractionRequiredException\b|\bc\.m\.a\.msal4j\.[A-Z]/,
  ],
  wrappedBy: "java",
  advice: "java",
};
