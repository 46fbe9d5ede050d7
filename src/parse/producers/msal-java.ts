/** MSAL4J (com.microsoft.aad.msal4j). azure-identity for Java wraps it. */
import type { Producer } from "./types.js";

export const msalJava: Producer = {
  name: "msal-java",
  sdk: "msal-java",
  markers: [/com\.microsoft\.aad\.msal4j\./],
  wrappedBy: "java",
  advice: "java",
};
