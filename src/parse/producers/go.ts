/**
 * The Azure SDK for Go (azidentity, azcore) and go-autorest/adal: azidentity's AuthenticationFailedError
 * (header, request line, 80-dash RESPONSE block, JSON body, troubleshooting link), its credential chain,
 * azcore's ResponseError (`ERROR CODE:`), net/http transport errors, autorest's and adal's wordings.
 */
import { execIfPossible, PATTERNS } from "../../patterns.js";
import { stripQuery } from "../fields.js";
import { execIf, testIf } from "../prefilter.js";
import type { Producer, ProducerFindings } from "./types.js";

export const go: Producer = {
  name: "go",
  sdk: "go",
  markers: [
    PATTERNS.goChainHeader,
    // azidentity's response block: a RESPONSE line and the 80-dash separators around it, also inside a
    // frame another tool draws around Go's text (sops' `| `).
    (text) =>
      testIf(PATTERNS.goSeparator, text)
        ? earliest(text, PATTERNS.responseLine, PATTERNS.responseLineFramed)
        : -1,
    PATTERNS.goTroubleshootingUrl,
    // Go-only names: azidentity's `AzureCLICredential`, autorest's and adal's wordings.
    /github\.com\/Azure\/(?:azure-sdk-for-go|go-autorest)\/|\bAzureCLICredential\b|\bazure\.BearerAuthorizer#|\bautorest[/.#][A-Za-z]|\badal: (?:Refresh request failed|Failed to)|\bazidentity\b/,
    // azidentity's chain wording before its member list (Python's chain says `failed to retrieve a token`),
    // and autorest's Azure CLI token source failing.
    /\bfailed to acquire a token\.[ \t]{0,4}\n[ \t]{0,8}Attempted credentials:|Invoking Azure CLI failed with the following error: /,
    // azidentity's log lines (logging.go, chained_token_credential.go): a credential's
    // `X.GetToken() acquired a token for scope`, the chain's `DefaultAzureCredential authenticated with
    // ManagedIdentityCredential`, and the older `Azure Identity => ERROR in GetToken() call for` (Java's
    // LoggingUtil writes `getToken()` in lower case, with scopes).
    /\.GetToken\(\) acquired a token for scope|\b(?:DefaultAzure|ChainedToken)Credential authenticated with [A-Z][A-Za-z]{2,60}Credential\b|Azure Identity => (?:ERROR in )?GetToken\(\)/,
    // A credential's transport failure as azidentity wraps it: the credential's name, a colon, then
    // net/http's `Get "…": …` (`ManagedIdentityCredential: Get "http://169.254.169.254/…": dial tcp …`).
    /\b[A-Z][A-Za-z]{2,60}Credential: (?:Get|Post) "https?:\/\//,
    // A credential's file read as azidentity wraps Go's os.PathError (`WorkloadIdentityCredential: open
    // /var/run/secrets/…: no such file or directory`); the other SDKs word a missing file otherwise.
    /\b[A-Z][A-Za-z]{2,60}Credential: open \/[^:\n]{1,300}: no such file or directory/,
    // azcore's ResponseError without the dashes around it (flattened into a log record): its status line
    // followed by its `ERROR CODE:` line.
    /RESPONSE \d{3}: \d{3} [A-Za-z][A-Za-z ]{1,40}(?:\r?\n|(?:\\r)?\\n)ERROR CODE: /,
    // azidentity's own error wordings: its managed identity probe timing out (`IMDS token request timed
    // out`, `managed identity timed out`; the other SDKs word theirs otherwise), managed_identity_client.go
    // (`no default identity is assigned to this resource`, `the requested identity isn't assigned to this
    // resource`), WorkloadIdentityCredential's `… or set ClientID in the options` (a Go field name), and the
    // older credential types spelled with spaces (`Managed Identity Credential: `, `Chained Token
    // Credential: `).
    /\bManagedIdentityCredential: (?:IMDS token request timed out|managed identity timed out)\b|\b[Nn]o default identity is assigned to this resource\b|\brequested identity isn't assigned to this resource\b|\bset ClientID in the options\b|\b(?:Managed Identity|Chained Token|Azure CLI|Client Secret) Credential: /,
  ],
  runtime: [
    // net/http's transport error (`Get "https://…": dial tcp …`): any Go program's HTTP call prints it,
    // so it names the language, not the SDK.
    PATTERNS.goTransportError,
    // A Go panic's goroutine header. (A `main.go:52` source position is not enough: any Go program's
    // logger prints one, around messages that are its own, not an SDK's.)
    /^goroutine \d{1,9} \[/m,
  ],
  advice: "go",
  read: readGo,
};

/** The earliest position at which any of the patterns matches, or -1. */
function earliest(text: string, ...patterns: RegExp[]): number {
  let at = -1;
  for (const p of patterns) {
    const i = text.search(p);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at;
}

function readGo(text: string): ProducerFindings {
  const f: ProducerFindings = {};
  const chainHeader = execIfPossible("goChainHeader", text);
  const header = execIfPossible("goAuthFailedHeader", text);
  const prefixLine = execIfPossible("credentialPrefixLine", text);

  if (chainHeader?.[1]) {
    f.credential = chainHeader[1];
    f.message = "failed to acquire a token";
  } else if (header?.[1]) {
    f.credential = header[1];
    const tail = header[2]?.trim();
    if (tail) f.message = tail;
  } else if (prefixLine?.[1] && prefixLine[2]) {
    f.credential = prefixLine[1];
    f.message = prefixLine[2].trim();
  }

  const request = execIf(PATTERNS.requestLine, text);
  if (request?.[1] && request[2]) f.request = { method: request[1], url: stripQuery(request[2]) };

  const response = execIf(PATTERNS.responseLine, text);
  if (response?.[1]) {
    const statusText = (response[2] ?? "").replace(PATTERNS.leadingStatus, "").trim();
    if (statusText) f.statusText = statusText;
  }

  const errorCode = execIf(PATTERNS.errorCodeLine, text);
  if (errorCode?.[1]) f.serviceErrorCode = errorCode[1];

  const transport = execIf(PATTERNS.goTransportError, text);
  if (transport?.[1] && transport[2]) {
    f.request ??= { method: transport[1].toUpperCase(), url: stripQuery(transport[2]) };
    if (!f.message || f.message.startsWith(`${transport[1]} "`)) f.message = transport[3]?.trim();
  }

  const link = execIf(PATTERNS.troubleshootingUrl, text);
  // A sentence's full stop is not part of the link.
  if (link) f.troubleshootingUrl = link[0].endsWith(".") ? link[0].slice(0, -1) : link[0];

  return f;
}
