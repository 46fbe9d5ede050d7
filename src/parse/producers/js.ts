/** @azure/identity for JavaScript (and @azure/ms-rest-nodeauth, adal-node in Node apps). */
import { PATTERNS } from "../../patterns.js";
import { testIf } from "../prefilter.js";
import type { Producer } from "./types.js";

export const js: Producer = {
  name: "js",
  sdk: "js",
  markers: [
    // Its own exception names, links and wordings.
    /\bAggregateAuthenticationError\b|(?<![\w.])AuthenticationError(?=: )|Status code: \d{3}\nMore details:|\(status code \d{3}\)\.\s{1,4}More details:|aka\.ms\/azsdk\/js\/|\bCredential\.getToken(?:Info)? failed/,
    // @azure/identity and the older Node libraries for Entra.
    /node_modules[\\/]@azure[\\/](?:identity|ms-rest-nodeauth)|@azure\/identity\b|@azure\/ms-rest-nodeauth|\bonTurnError\b|Azure Static Web Apps CLI/,
    // @azure/core-rest-pipeline's RestError.
    /\bRestError\b/,
    // Any other package of the Azure SDK for JavaScript in a frame's path (MSAL's own are msal-js's).
    /node_modules[\\/]@azure[\\/](?!msal-)[a-z]/,
    // A credential's getToken or constructor in a V8 stack frame (`at async AzureCliCredential.getToken
    // (…)`, `at new DefaultAzureCredential (…)`), its
    // AzureCliCredential's not-installed wording, and adal-node and the Bot Framework SDK for JavaScript
    // (adal-node's `Get Token request returned http error` as a Node `Error: `; ADAL for Python prints the
    // same words as an `AdalError: `).
    /\bat (?:async )?[A-Z][A-Za-z]{0,60}Credential\.getToken(?:Info)? \(|\bat new [A-Z][A-Za-z]{0,60}Credential \(|Azure CLI could not be found\. Please visit https:\/\/aka\.ms\/azure-cli for installation|node_modules[\\/](?:adal-node|botbuilder|botframework-connector)[\\/]|\bError: Get Token request returned http error: /,
    // @azure/logger's line prefix: the package's namespace and the level (`azure:identity:info`,
    // `azure:core-rest-pipeline:warning`), as sdk/core/logger names them and the identity TROUBLESHOOTING
    // guide shows them.
    /\bazure:[a-z][a-z-]{1,40}:(?:info|warning|error|verbose)\b/,
    // The developer credentials' own wordings: azureCliCredential.ts (`Please run 'az login' from a command
    // prompt …`, `Unexpected response from Azure CLI when getting token`) and azurePowerShellCredential.ts
    // (`Please run 'Connect-AzAccount' from PowerShell …`).
    /Please run '(?:az login|Connect-AzAccount)' from (?:a command prompt|[Pp]ower[Ss]hell) to authenticate before using this credential|Unexpected response from Azure CLI when getting token\b/,
    // Its credential logger's layout (util/logging.ts: `ManagedIdentityCredential => getToken() => ERROR.
    // Scopes: …`), EnvironmentCredential's variable listing, and the older managed identity credential's
    // `ManagedIdentityCredential - No MSI credential available`.
    /=> getToken\(\) => (?:SUCCESS|ERROR)\.|\bEnvironmentCredential => Found the following environment variables\b|ManagedIdentityCredential - No MSI credential available\b/,
  ],
  // azure-identity for Python names two of its errors the same way.
  shared: {
    markers: [/\b(?:AuthenticationRequiredError|CredentialUnavailableError)\b/],
    with: ["python"],
  },
  runtime: [
    // Node's own socket and DNS error wording (`connect ECONNREFUSED 169.254.169.254:80`, `getaddrinfo ENOTFOUND …`).
    /\b(?:connect|getaddrinfo|read|write) (?:ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN|EHOSTUNREACH)\b/,
    // A V8 stack frame in a Node file or a Node built-in (`(node:_tls_wrap:1535:34)`, `(/app/index.js:10:5)`).
    /\((?:node:[\w/]{1,60}|[^\s()]{1,400}\.[cm]?[jt]s):\d{1,7}:\d{1,7}\)/,
  ],
  advice: "js",
  // The EnvironmentCredential wrapper prints a status of its own (400), not the server's.
  read: (text) => (testIf(PATTERNS.jsEnvironmentWrapper, text) ? { statusReliable: false } : {}),
};
