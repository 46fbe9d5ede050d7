/**
 * Every regular expression the library runs on untrusted text lives here, so that one test can prove
 * each of them linear with a ReDoS checker (test/redos.test.ts). Rules kept by every pattern:
 * - no nested quantifiers and no two adjacent quantified groups that can match the same characters;
 * - bounded repetition where a field has a known maximum length;
 * - alternatives inside a loop start with different characters.
 * Patterns with the `g` or `y` flag keep state in `lastIndex`: callers use them through `matchAll`
 * or reset `lastIndex`, never with `test`.
 */

/**
 * What follows an ID label: a word of letters, digits and dashes, taken whole (never a hex prefix of a
 * longer word), so that `validId` can tell a GUID, or a truncated one as printed in the wild
 * (`3c631bb7-a9f7-4343-a5ba-a615913`), from a mask (`XXX`, `redacted`, `a1daagbb-…`).
 */
const ID = "[0-9A-Za-z][0-9A-Za-z-]{2,40}(?![0-9A-Za-z])";

/** A line break inside a labelled value, with the next line's indent and PowerShell 7's `| ` continuation mark. */
const BREAK = "(?:\\n[ \\t]{0,8}(?:\\|[ \\t]{0,4})?)?";

/** Entra timestamps: `2022-03-02 18:25:26Z`, ISO with `T` and fractional seconds, with or without `Z`. */
const TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,7})?(?:Z|[+-]\\d{2}:?\\d{2})?";

export const PATTERNS = {
  /** An AADSTS code anywhere. Codes are 4 to 8 digits (50011, 7000215, 9002331). */
  aadstsCode: /AADSTS(\d{4,8})(?!\d)/g,
  /**
   * The sign-in page's troubleshooting details print the code without its prefix (`Error Code: 53003`,
   * beside `Request Id:`, `Correlation Id:`, `App id:`); read only where such a block is (see
   * troubleshootingBlock).
   */
  pageErrorCode: /^[ \t>]{0,8}Error Code: ?(\d{4,8})[ \t]*$/m,
  troubleshootingBlock: /^[ \t>]{0,8}(?:Request Id|Correlation Id|App id|Troubleshooting details)\b/im,
  /** A description's leading `AADSTSnnnn: ` prefix. */
  aadstsPrefix: /^\s*AADSTS\d{4,8}:\s?/,
  /** Labelled IDs and timestamp inside a description or free text. */
  traceIdLabel: new RegExp(`\\b[Tt]race I[Dd]:[ \\t]{0,8}${BREAK}(${ID})`),
  /** The sign-in page's name for the trace ID, read as one beside its Correlation Id and Timestamp lines. */
  requestIdLabel: new RegExp(`\\bRequest I[Dd]:[ \\t]{0,8}${BREAK}(${ID})`),
  correlationIdLabel: new RegExp(`\\b[Cc]orrelation I[Dd]:[ \\t]{0,8}${BREAK}(${ID})`),
  /**
   * The correlation ID as a PascalCase JSON key, where no label names it: a .NET-serialized body such as
   * the managed identity endpoint's `{"StatusCode":400,"Message":"…","CorrelationId":"…"}` that
   * Microsoft.Data.SqlClient and ADAL print. (The camelCase `"correlationId"` of the App Service and
   * Service Fabric identity endpoints' bodies is not read as one: test/fixtures/go/managed-identity-host-*.)
   */
  correlationIdKey: new RegExp(`"CorrelationId"[ \\t]{0,4}:[ \\t]{0,4}"(${ID})`),
  /** Any character that is not white space. */
  nonSpace: /\S/,
  /** What may follow a Markdown code fence's backticks on its opening line: a language name, or nothing. */
  fenceInfo: /^[ \t]{0,4}[\w+#.-]{0,30}[ \t]*$/,
  /** MSAL.NET's log-line prefix, `[2023-07-25 01:46:47Z - <correlation ID>]`, where no label names it. */
  msalNetLogCorrelation: new RegExp(`\\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z - (${ID})(?=\\])`),
  timestampLabel: new RegExp(`\\b[Tt]imestamp:[ \\t]{0,8}${BREAK}(${TIMESTAMP})`),
  /** A GUID or a prefix of one (a GUID cut short by a paste), any case; a trailing dash is allowed. */
  guidPrefix:
    /^(?:[0-9A-Fa-f]{4,7}|[0-9A-Fa-f]{8}(?:-(?:[0-9A-Fa-f]{1,3}|[0-9A-Fa-f]{4}(?:-(?:[0-9A-Fa-f]{1,3}|[0-9A-Fa-f]{4}(?:-(?:[0-9A-Fa-f]{1,3}|[0-9A-Fa-f]{4}(?:-[0-9A-Fa-f]{0,12})?)?)?)?)?)?)?)-?$/,
  /**
   * A login-host URL's first path segment: `https://login.microsoftonline.com/<segment>`, also Seamless
   * SSO's WS-Trust endpoint `https://autologon.microsoftazuread-sso.com/<domain>/winauth/…` (ADAL's
   * federated sign-in).
   */
  loginUrlTenant:
    /https?:\/\/(?:login\.microsoftonline\.(?:com|us|de)|login\.windows\.net|login\.chinacloudapi\.cn|login\.partner\.microsoftonline\.cn|autologon\.microsoftazuread-sso\.com|[a-z0-9-]{1,63}\.(?:ciamlogin|b2clogin)\.com)\/([^/\s?#"'`\]\\)]{1,200})/gi,
  /** urllib3's form: `host='login.microsoftonline.com', port=443): Max retries exceeded with url: /<tenant>/…`. */
  poolUrlTenant:
    /host='login\.microsoftonline\.(?:com|us)', port=\d{1,5}\):[ \t\r\n]{1,4}Max retries exceeded with url: \/([^/\s?#]{1,200})\//,
  /**
   * The tenant an Entra message names: `in the directory 'contoso.com'`, `in the directory x.net`,
   * `does not exist in tenant 'Contoso'`, `in the tenant named <GUID>`, `Tenant '<GUID>' not found`, and
   * the Azure SDKs' multi-tenant refusal, `not configured to acquire tokens for tenant <GUID>`. Unquoted, only a domain or a GUID is taken,
   * except AADSTS500011's `in the tenant named Fabrikam China. This can happen …`, whose sentence ends the name.
   */
  messageTenant:
    /\b(?:in the directory|in tenant|in the tenant named|in the tenant|acquire tokens for tenant) (?:'([^'\n]{1,200})'|([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}|[0-9A-Fa-f]{8}-[0-9A-Fa-f-]{4,40}))|\b(?:Tenant|[Tt]enant identifier) (?:'([^'\n]{1,200})'|([0-9A-Fa-f]{8}-[0-9A-Fa-f-]{4,40})(?= not found))|\bin the tenant[ \t\r\n]{1,40}named[ \t\r\n]{1,40}([^.\n'"]{1,100})\.[ \t\r\n]{1,40}This can happen/,
  /** Punctuation that ends a sentence after a URL. */
  trailingPunctuation: /[.,;:]{1,3}$/,
  /** A value that names its own slot (`your-app-id`, `any-client-id`, `Enter_the_Application_Id_here`): a placeholder, not an ID. */
  idPlaceholderWord: /(?:client|app(?:lication)?)[-_ ]?id(?![a-z])|(?:^|[-_ ])(?:your|enter)(?:[-_ ]|$)/i,
  /** Marks of a placeholder or redaction: `xxx`, `<…>`, `{…}`, `[…]`, `***`, `###`, `…`, `redacted`. */
  placeholderMark: /xxx|yyy|zzz|[<>{}[\]*#\u2026]|\.\.\.|redacted|removed|your[-_ ]?tenant|tenant[-_ ]?id/i,
  /** Looks like it means to be a GUID: eight word characters then a dash. */
  guidLike: /^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-/,
  /** A complete GUID, to tell when a console wrap cut one in two. */
  fullGuid: /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/,
  /** Where a description's trailer of labels begins; the message ends there. */
  trailerStart: /\b(?:[Tt]race I[Dd]|[Cc]orrelation I[Dd]|[Tt]imestamp):/,
  /** A timestamp on its own, for normalising values taken from JSON. */
  timestampValue: new RegExp(`^(${TIMESTAMP})$`),

  /** Go azidentity header: `ClientSecretCredential authentication failed. <message>`. */
  goAuthFailedHeader: /\b([A-Z][A-Za-z]{0,60}Credential) authentication failed\b\.?[ \t]?([^\n]*)/,
  /** Go's unavailable form `AzureCLICredential: Azure CLI not found on path`, often behind a log prefix. */
  credentialPrefixLine: /\b([A-Z][A-Za-z]{0,60}Credential): ([^\n]+)/,
  /** The Go chain header `DefaultAzureCredential: failed to acquire a token.`, also when re-wrapped mid-sentence. */
  goChainHeader:
    /\b([A-Z][A-Za-z]{0,60}Credential): failed[ \t\n]{1,8}to[ \t\n]{1,8}acquire[ \t\n]{1,8}a[ \t\n]{1,8}token\b/,
  /** Where text after a Go chain's last member begins: a goroutine dump, `exit status`, a log line. */
  goChainEnd: /^(?:goroutine \d|exit status \d|panic: |\d{4}[/-]\d{2}[/-]\d{2}[ T]\d{2}:)/,
  /** One member line of a Go chain: a tab, the credential, a colon. */
  goChainMember: /^\t([A-Z][A-Za-z]{0,60}Credential)(?::[ \t]| authentication failed)/gm,
  /**
   * A Go chain member whose tab a paste lost (a rendered Markdown view keeps no leading tab): a line after
   * `Attempted credentials:` that begins with the credential's name and its colon.
   */
  goChainMemberLoose: /^[ ]{0,8}([A-Z][A-Za-z]{0,60}Credential)(?::[ \t]| authentication failed)/gm,
  /** Go request line, alone on its line or after `panic: ` (pre-1.0 azidentity printed no header): `POST https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`. */
  requestLine:
    /(?:^[ \t]*|: )(GET|POST|PUT|PATCH|DELETE|HEAD)(?: |[ \t]{0,8}\n[ \t]{0,8})(https?:\/\/[^\s]{1,2048})[ \t]*$/m,
  /** Go status line, both forms (`RESPONSE 401 Unauthorized`, `RESPONSE 401: 401 Unauthorized`), at a line start or after a log prefix's `: `. */
  responseLine: /(?:^[ \t]*|: )RESPONSE (\d{3}):?[ \t]*([^\n]*)$/m,
  /** The repeated status code at the start of Go's newer status text. */
  leadingStatus: /^\d{3}[ \t]+/,
  /** Go's 80-dash separator (also behind a log prefix). */
  goSeparator: /-{80}/,
  /** Go's status line inside a frame another tool draws around Go's text (sops' `      | RESPONSE 400 …`). */
  responseLineFramed: /^[ \t]{0,16}[|>][ \t]{0,4}RESPONSE \d{3}\b/m,
  /** azcore ResponseError: `ERROR CODE: AuthorizationFailed`. */
  errorCodeLine: /^[ \t]*ERROR CODE: ([^\s]{1,200})/m,
  /** Go net/http transport error: `Get "http://169.254.169.254/...": dial tcp ...: i/o timeout`. */
  goTransportError: /\b(Get|Post|Put|Delete|Head|Patch) "(https?:\/\/[^"\s]{1,2048})": ([^\n]{1,2000})/,
  /** MSAL Go: `http call(<url>)(POST) error: reply status code was 401:`. */
  msalGoCall: /http call\((https?:\/\/[^\s)]{1,2048})\)\(([A-Z]{3,7})\) error: reply status code was (\d{3})/,
  /** Troubleshooting links the SDKs print. */
  troubleshootingUrl: /https:\/\/aka\.ms\/azsdk\/[A-Za-z0-9/._-]{1,200}(?:#[A-Za-z0-9_-]{1,80})?/,
  goTroubleshootingUrl: /https:\/\/aka\.ms\/azsdk\/go\/identity\/troubleshoot\b/,
  /**
   * An application ID where the text labels it: `client_id=`, `clientId: `, `AZURE_CLIENT_ID=`, `app '…'`,
   * `Microsoft App ID …`, `Application with identifier '…'` (a GUID, or a quoted app ID URI), `the
   * application: '…'`; AADSTS65006's `for client '…'` (not ARM's `The client '…' with object id`, which is
   * an object ID); a managed identity's `msiClientId=` (JDBC) and `managed_identity_client_id=`; Bot
   * Framework's `Invalid AppId passed on token: …`; the MSAL broker's telemetry line
   * `Key: client_id, Value: …`. A GUID the person masked part of (`22c49a12-****`) is none.
   */
  clientIdLabel:
    /\b(?:app(?:[ _]?id(?: passed on token)?)?|application(?: with (?:identifier|ID))?|for request clientID|for client(?=\n?[ \t]{0,4}')|(?:msi|managed[ _]?identity[ _]?)?client[ _]?id(?:, Value)?|AZURE_CLIENT_ID)["']?[ \t]{0,4}[:=]?[ \t]{0,4}\n?[ \t]{0,4}(?:['"]?([0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{1,12}){0,4})(?![0-9A-Za-z*#\u2022-])|'((?:https?|api):\/\/[^'\s]{1,200})')/i,

  /**
   * A client ID that is no GUID, where Entra or the request shows what was really sent: AADSTS700016's
   * echo `Application with identifier 'INSERT APP ID' was not found`, and a request URL's
   * `?client_id=OpenCloudDesktop` (a sample's unreplaced placeholder, a non-Entra provider's name).
   */
  clientIdSent:
    /\bApplication with identifier '([^'\n]{1,200})' was not found|[?&]client_id=([A-Za-z][A-Za-z0-9._~-]{0,99})(?=[&#\s"'`]|$)/m,
  /**
   * A line that ends a header's value: the next header as a tool prints a response (`Content-Type:
   * application/json`, curl's `< content-type: …`), or a blank line (curl's bare `<`).
   */
  headerLine: /^(?:<[ \t]?)?(?:[A-Za-z][A-Za-z0-9-]{1,60}: |[ \t\r]*$)/,
  /** A URL shown as a Markdown link to itself or to a rewritten copy (`[https://a](https://safelinks…/?url=…)`). */
  markdownUrlLink: /\[(https?:\/\/[^[\]\s]{1,2048})\]\([^()\s]{1,8192}\)/g,
  /**
   * A Markdown emphasis underscore opening a capitalised word (`_ManagedIdentityCredential: …_`, as a
   * comment quotes an error): it glues to the word, so the word's own boundary is lost.
   */
  markdownEmphasisOpen: /(^|[ \t\r\n(*])_(?=[A-Z])/gm,
  /** An HTML document pasted whole (a sign-in page saved or printed by a client). */
  htmlDocument: /<!DOCTYPE html|<html[\s>]/i,
  /** Any HTML tag. */
  htmlTag: /<\/?[A-Za-z][^<>]{0,4000}>/g,
  /** The sign-in page's own account of the error, in its `$Config`: `"strServiceExceptionMessage":"AADSTS…"`. */
  signInPageMessage: /"strServiceExceptionMessage"[ \t]{0,4}:[ \t]{0,4}"((?:[^"\\\n]|\\.){1,8192})"/,
  /** The same `$Config`'s trace ID, correlation ID, timestamp and HTTP status (read only beside its message). */
  signInPageTrace:
    /"strTraceId"[ \t]{0,4}:[ \t]{0,4}"([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"/,
  signInPageCorrelation:
    /"correlationId"[ \t]{0,4}:[ \t]{0,4}"([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"/,
  signInPageTimestamp:
    /"strTimestamp"[ \t]{0,4}:[ \t]{0,4}"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z)"/,
  signInPageStatus: /"iHttpErrorCode"[ \t]{0,4}:[ \t]{0,4}([45]\d\d)\b/,
  /** Lenient JSON fields, for bodies that are truncated or otherwise not parseable. */
  jsonStringField:
    /"(error|error_description|timestamp|trace_id|correlation_id|error_uri|suberror|claims)"[ \t\r\n]*:[ \t\r\n]*"((?:[^"\\\n]|\\.){0,20000})"/g,
  jsonCodesField: /"error_codes"[ \t\r\n]*:[ \t\r\n]*\[([\d\s,]{0,200})\]/,
  /** The same fields in a Python dict repr (MSAL Python's result): single quotes, or double when the value has one. */
  pythonStringField:
    /'(error|error_description|timestamp|trace_id|correlation_id|error_uri|suberror|claims)'[ \t]*:[ \t]*(?:'((?:[^'\\\n]|\\.){0,20000})'|"((?:[^"\\\n]|\\.){0,20000})")/g,
  pythonCodesField: /'error_codes'[ \t]*:[ \t]*\[([\d\s,]{0,200})\]/,
  /** An OAuth `error` value: a lower-case token such as `invalid_client`. */
  oauthErrorToken: /^[a-z][a-z0-9_]{1,60}$/,
  /** Markers that a string holds an auth failure worth parsing (used to pick fields out of JSON log records). */
  authMarker:
    /AADSTS\d|[A-Za-z]Credential\b|error_description|invalid_client|invalid_grant|managed identity/i,
  /** A logfmt/logrus record's level that never carries the failure itself. */
  logfmtQuietLevel: /\blevel="?(?:info|debug|trace)\b/i,
  /** A quoted logfmt/logrus value (`error="…\n…"`), escapes included. */
  quotedValue: /="((?:[^"\\\n]|\\.){1,200000})"/g,
  /** One level of JSON string escaping: `\"`, `\\`, `\n`, `\uXXXX` and the rest. */
  jsonEscape: /\\(?:(["\\/bfnrt])|u([0-9A-Fa-f]{4}))/g,
  /** Quote and box-drawing prefixes that pasted or framed text carries on every line (`> `, Terraform's `│ `). */
  linePrefix: /^[ \t]{0,4}(?:>|\u2502|\u2503|\|)[ \t]?/,
  /**
   * The timestamp a CI log (GitHub Actions, Azure Pipelines) puts before every line, and a container
   * runtime's log file its stream and flag after it (`2026-…Z stderr F `).
   */
  ciTimestampPrefix: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z (?:(?:stdout|stderr) [FP] )?/,
  /**
   * A log record's own header at a line start: its time (ISO date and time, optional fraction and zone,
   * optionally in brackets), then optionally a failing level (`ERROR`, `[WARN]`, `fail:`) and a bracketed
   * thread or component (`[worker-3]`); a container runtime's log file puts its stream and a flag after
   * the time (`2026-… stderr F`). What follows is the message the SDK printed. A quiet level (INFO,
   * DEBUG) stays, as it tells a line that reports from one that fails.
   */
  logHeader:
    /^[ \t]{0,4}\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2}| UTC)?\]?(?: (?:stdout|stderr) [FP])?(?:[ \t]{1,4}\[?(?:ERROR|ERR|WARNING|WARN|FATAL|CRITICAL|CRIT|FAIL|error|warning|warn|fatal|critical|fail)\]?:?)?(?:[ \t]{1,4}\[[^\]\n]{1,40}\])?[ \t]{1,4}(?=\S)/gm,
  /** A line that ends in a label's colon (the text before a line break: `Timestamp: `). */
  labelLineEnd: /:[ \t]{0,4}\r?\n$/,
  /** Runs of spaces and tabs, and of any whitespace. */
  blanks: /[ \t]+/g,
  whitespace: /\s+/g,
  /** Typographic quotes, folded to ASCII before phrase matching. */
  curlyApostrophe: /[\u2018\u2019\u02BC]/g,
  curlyQuote: /[\u201C\u201D]/g,

  /** A lookup query: a bare code or `AADSTS` + code. */
  codeQuery: /^(?:AADSTS)?(\d{1,9})$/i,
  /** Where a description's `AADSTSnnnn:` block starts in free text. */
  aadstsStart: /AADSTS\d{4,8}:/,
  /** Where a redirect's error parameters start: `?`, `#`, `&` or a bare `/` before `error…=`. */
  redirectParamsStart: /[?#&/](?=error(?:_description|_uri|_subcode)?=)/,
  /** The start of a URL's query string or fragment. */
  queryStart: /[?#]/,
  /** Control characters that could move a terminal's cursor or retitle it (tab and line feed are kept),
   * plus the bidirectional overrides that can make text display in a different order than it reads. */
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  unsafeControl: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g,

  /** Characters with meaning in Markdown inline text, escaped when input-derived text goes into Markdown.
   * Parentheses are left alone: with the brackets escaped they cannot form a link. */
  markdownSpecial: /[\\`*_[\]<>|#!~&{}]/g,
  /** Characters with meaning in HTML text and attributes. */
  htmlSpecial: /[&<>"']/g,

  // ---- producer markers (src/parse/producers/): the earliest in the text names the producer ----

  // ---- producers other than Go (see ERROR-FORMATS.md) ----
  /** Terraform's diagnostic frame around an Azure provider's error (before its `│ ` prefixes are removed). */
  terraformFrame: /[\u2502\u2577]\s{0,8}Error:|registry\.terraform\.io\/hashicorp\/azure/,
  /** Where a Terraform diagnostic points: `on main.tf line 12, in …`, `with data.azapi_resource_action.x,`. */
  terraformDiagnostic:
    /^[\u2502 \t]{0,8}(?:on [^\s,]{1,200}\.tf(?:\.json)? line \d{1,6}\b|with (?:data\.)?(?:azurerm|azuread|azapi)_[a-z_]{1,60}\.)/m,
  /** The fields terraform-plugin-log puts on a provider's log lines (`TF_LOG`): Terraform ran the provider. */
  terraformLogField: /\btf_(?:provider_addr|rpc|req_id|resource_type|data_source_type)=/,
  /** A redirect carrying an error: `error_description=` and `error=` parameters (both must be present). */
  sdkBrowser: /[?#&/]error_description=|[?#&]error=[a-z_]{2,60}&error_subcode=/,
  redirectError: /(?:^|[?#&/\s])error=[A-Za-z_]{2,60}(?:&|$|\s)/m,

  /** The @azure/identity EnvironmentCredential wrapper, whose printed status (400) is hard-coded. */
  jsEnvironmentWrapper:
    /EnvironmentCredential authentication failed\. To troubleshoot, visit \S{1,200} Status code: \d{3}/,
  /** An error-class name opening a line, as Array.join prints AggregateAuthenticationError members. */
  jsMemberLine:
    /^(?:CredentialUnavailableError|AuthenticationRequiredError|AuthenticationError|Error|AbortError): /gm,
  /** msal-common, current layout: `<error>: Error(s): 7000215 - Timestamp: … - Description: …`. */
  msalJsNew:
    /\b([a-z][a-z0-9]{0,30}_[a-z0-9_]{1,40}): Error\(s\): ([\d,]{1,200}|Not Available) - Timestamp: /,
  /** msal-common before 14.13: `<error>: 7000215 - [2025-01-15 10:20:30Z]: AADSTS…`. */
  msalJsOld:
    /\b([a-z][a-z0-9]{0,30}_[a-z0-9_]{1,40}): ([\d,]{1,200}) - \[(\d{4}-\d{2}-\d{2}[ T][\d:.]{8,20}Z?)\]: /,
  /** msal-common's old message on its own (an errorMessage property): `7000215 - [2025-01-15 10:20:30Z]: AADSTS…`. */
  msalJsBracketTimestamp: /(?:^|[\s:"'])[\d,]{1,200} - \[(\d{4}-\d{2}-\d{2}[ T][\d:.]{8,20}Z?)\]: AADSTS/m,
  /** The labelled tail msal-common adds: `- Correlation ID: … - Trace ID: …`. */
  msalJsTimestamp: /- Timestamp: (\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z?)/,
  /** Python: `<Credential>.get_token failed: …` and the chain header. */
  pythonGetToken: /\b([A-Z][A-Za-z]{0,60}Credential)\n?\.(?:get_token(?:_info)?|getToken) failed/,
  chainRetrieveHeader:
    /\b([A-Z][A-Za-z]{0,60}Credential) failed to retrieve a token from the included credentials\./,
  /**
   * azure-identity for Python before 1.4: `No credential in this chain provided a token.`, and the chain's
   * class in the frame that called it (`super(DefaultAzureCredential, self).get_token(…)`).
   */
  pythonOldChainHeader: /\bNo credential in this chain provided a token\./,
  pythonSuperFrame: /\bsuper\(([A-Z][A-Za-z]{0,60}Credential), self\)\.get_token\(/,
  /** Python chain member: a tab, the credential class, a colon. */
  pythonMember: /^\t([A-Z][A-Za-z]{0,60}Credential): /gm,
  /** The same members when tabs were pasted as spaces or the list was flattened onto one line. */
  pythonMemberLoose: /(?:^|[ \t])([A-Z][A-Za-z]{0,60}Credential): /gm,
  /** .NET chain member lines: `- <message>` after the DefaultAzureCredential header. */
  dotnetMember: /^- /gm,
  /**
   * An HTTP status after a label, in every wording seen: `Status code: 401`, `StatusCode=401`,
   * `"statusCode": 401`, `Status Code = '401'`, `Status: 401 (Unauthorized)`, `status (400)`,
   * `HTTP 400`, `http error: 400`, `HTTP response code: 500`, `reply status code was 401`,
   * `Response status code does not indicate success: 401`, `<Response [400]>`, the VS Code Azure
   * extensions' `Error type: 407`, IIS's `HTTP Error 400.` (a sentence's full stop may follow). Only 3xx
   * to 5xx.
   */
  statusLabelled:
    /(?:\b(?:HTTP(?= \d)|(?:http[ _]?)?status(?:[ _]?code)?(?: does not indicate success| was)?|(?:http[ _]?)?response[ _]?code|http[ _]?code|error[ _]?(?:code|type)|http error)|<Response(?= \[))["' \t:=([]{0,4}([345]\d\d)(?!\d|\.\d)/i,
  /**
   * OAuth `error` values (and MSAL/ADAL error codes in that slot), in every form they are printed. A value
   * is a snake_case word with at least one underscore (invalid_client, interaction_in_progress).
   * Keyed: `"error": "x"`, `'error': 'x'`, PHP `"error" => "x"` and `[error] => x`, var_dump's
   * `["error"]=> string(13) "x"`.
   */
  errorKeyed:
    /["'[]error["'\]]?[ \t]{0,4}(?::|=>)[ \t\n]{0,8}(?:string\(\d{1,4}\)[ \t]{0,4})?["']?([a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,6})\b/g,
  /** Spring Security's OAuth2Error: `[invalid_token_response] An error occurred…`, `[invalid_grant] AADSTS…`. */
  errorBracketed: /\[([a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,6})\] (?:AADSTS|[A-Z])/g,
  /** A query string or form body: `error=invalid_grant&error_description=…`. */
  errorParam: /(?:^|[?&#\s/])error=([a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,6})(?![\w%])/gm,
  /** A label: `ErrorCode: x`, `errorCode: 'x'`, `error_code: x`, `Error code 0xx`, `Error: x`, `OAuth error x`, Go's `oauth2: "x"`, `More details: x(`, ADAL's device-code `Unexpected polling state x`. */
  errorLabelled:
    /\b(?:[Ee]rror[ _]?[Cc]ode|ErrorCode|OAuth error|(?!(?:Value|Type|Key|Attribute|Name|Index|Assertion|Lookup|Import|OS|IO)Error\b)[A-Za-z]{0,40}(?:Error|Exception)|oauth2|More details|Unexpected polling state)["']?[ \t]{0,4}[:=]?[ \t]{0,4}["']?(?:0x)?([a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,6})\b(?!\.)/g,
  /** azure-core and requests-oauthlib: `(invalid_grant) AADSTS…`, oauthlib's `MissingTokenError: (missing_token)`. */
  errorParenthesised:
    /\(([a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,6})\)[ \t]{1,4}(?:AADSTS|AADB2C)\d|\b[A-Za-z]{0,40}(?:Error|Exception): \(([a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,6})\)/g,
  /**
   * The error opening a message: `invalid_client: AADSTS…`, `interaction_in_progress: Interaction is…`,
   * msal-common's `invalid_client: Error(s): …` and `invalid_client: 7000215 - […`. Not a setting printed
   * as `key: value` (`trust_cert: False`).
   */
  errorPrefix:
    /(?:^|[\s:"'(])([a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,6}): (?:AADSTS\d|AADB2C\d|Error\(s\)|\d{1,9} - \[|(?!(?:True|False|None|Null)\b)[A-Z][a-z])/gm,
  /** A line that is only an error name (MSAL Python's `error` printed above its description). */
  errorAlone: /^[ \t]{0,8}([a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,6})[ \t]{0,8}$/gm,
  /** Any standard OAuth error name as a word: the last resort, for wordings no other form knows. */
  /** errorLabelled's match when its label is a bare `Error` (not `ErrorCode`, `AuthError`, `OAuth error`). */
  errorBareLabel: /^Error["']?[ \t]{0,4}[:=]/,
  errorKnownName:
    /(?<![\w.-])(invalid_request|invalid_client|invalid_grant|unauthorized_client|unsupported_grant_type|invalid_scope|access_denied|unsupported_response_type|server_error|temporarily_unavailable|interaction_required|login_required|consent_required|invalid_resource|expired_token|authorization_pending|authorization_declined|bad_verification_code)(?![\w-])/,
  /** An HTTP status line: `HTTP/1.1 400 Bad Request`, `HTTP/2 401`. */
  statusLine: /\bHTTP\/\d(?:\.\d)? ([345]\d\d)\b/,
  /** A status beside its reason phrase: `401 Unauthorized`, `(401) Unauthorized`, `401 Client Error`. */
  statusReason:
    /(?<![\w.-])\(?([345]\d\d)\)?[ \t]{1,2}(?:Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Conflict|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out|Client Error|Server Error)\b/,
  /** A status that opens a line and the response body after it: `400: {"error": …`, `401: b'{…`. */
  statusBodyPrefix: /^[ \t]{0,4}([45]\d\d): ?[`'"{[b]{1,3}["'{[]/m,
  /** The reason phrase first: `Bad Request (400)`, `Unauthorized (HTTP 401)` is read by statusLabelled. */
  statusReasonFirst:
    /\b(?:Bad Request|Unauthorized|Forbidden|Not Found|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout) \(([345]\d\d)\)/,
  /** A status before the request it answered: `Error fetching 400 POST https://login…` (tornado's HTTPClientError). */
  statusBeforeRequest: /(?<![\w.:/-])([45]\d\d) (?:GET|POST|PUT|PATCH|DELETE) https?:\/\//,
  /**
   * A web server's access-log line for the request that was refused: `POST /api/messages 401 88 - 3.377 ms`,
   * `"POST /api/messages HTTP/1.1" 401 0`.
   */
  statusAccessLog: /\b(?:GET|POST|PUT|PATCH|DELETE) \/[^\s"]{0,200}(?: HTTP\/\d(?:\.\d)?")? ([345]\d\d) \d/,
  /** A method's name, then the status it answered: Bot Framework's `BotFrameworkAdapter.processActivity(): 401 ERROR`. */
  statusAfterCall: /\(\): ([345]\d\d) ERROR\b/,
  /**
   * A person's own words about the response they got: `I keep getting this 400 error`, `it returns a 401
   * response` (not what was expected: `expected a 401 response, received 500`), and a program's
   * `<server> responded with a 403`, `replied with status 401`.
   */
  statusInProse:
    /\b(?:[Tt]his|getting|get|got|gets|returns?|returned|throws?|threw)(?: an?| the)? ([45]\d\d) (?:error|response)\b|\b(?:responded|replied|answered) with(?: an?| the)?(?: HTTP| status(?: code)?)? ([45]\d\d)\b(?![.\d])/,
  /**
   * A status in square brackets after a failure or before an OAuth error (`… failed [404]`, `[400]
   * invalid_grant`), and a lower-case `code=400` key (`Refresh: code=400, response={…}`).
   */
  statusBracketed:
    /\bfailed[ \t]{0,2}\[([45]\d\d)\]|(?<![\w[])\[([45]\d\d)\][ \t]{1,2}[a-z]{2,30}_[a-z]|(?<![\w.])code=([345]\d\d)(?![\d.])/,
  /**
   * A status that opens a message, after a label's colon or a quote, before the message's words: `Failed to
   * load agents: 401: The principal lacks…`, `"msg":"500: Error getting user email"`; not a source position
   * (`views.py:401: DeprecationWarning`, `main.go:404: Starting`), whose colon has no space before the number.
   */
  statusOpensMessage: /(?:^|"|: )([45]\d\d): (?=[A-Z][a-z])/m,
  /** A status alone on its line, its reason phrase alone on the next (a web server's bare error page as text). */
  statusOwnLine:
    /^[ \t]{0,4}([45]\d\d)[ \t]{0,4}\r?\n[ \t]{0,4}(?:Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Conflict|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)[ \t]{0,4}$/m,
  /** HashiCorp's API clients (Vault, OpenBao): `Error making API request.` … `Code: 500. Errors:`. */
  statusApiErrors: /^Code: ([345]\d\d)\. Errors:/m,
  /** msrest's and azure-core's `Operation returned an invalid status 'Unauthorized'` (a reason phrase). */
  statusInvalid:
    /\binvalid status (?:code )?'(Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)'/,
  /**
   * .NET's HttpStatusCode names after a status label: `Status: BadRequest`, `HttpStatusCode=Unauthorized`,
   * `Http status code: Forbidden`.
   */
  statusName:
    /\b(?:H[Tt][Tt][Pp] ?)?(?:[Ss]tatus(?: ?[Cc]ode)?|[Rr]esponse ?[Cc]ode)[ \t]{0,2}[:=][ \t]{0,2}(BadRequest|Unauthorized|Forbidden|NotFound|Conflict|TooManyRequests|InternalServerError|BadGateway|ServiceUnavailable|GatewayTimeout)\b/,
  /** Java: `X authentication failed. ---> Y authentication failed. Error Details: …`. */
  javaNested:
    /\b([A-Z][A-Za-z]{0,60}Credential) authentication failed\. ---> ([A-Z][A-Za-z]{0,60}Credential) authentication failed\. Error Details: ?/,
  /** A log line at INFO, DEBUG or TRACE level (`INFO:azure.identity…`, `2024-… DEBUG …`, `[Informational]`): it reports, it does not fail. */
  infoLogLine: /^[^\n]{0,80}?(?:\b(?:INFO|DEBUG|TRACE|VERBOSE)\b|\[(?:Informational|Verbose|Debug)\])/,
  /** The credential a line of a list opens with. */
  credentialAtStart: /^[^\n]{0,200}?\b([A-Z][A-Za-z]{0,60}Credential) authentication unavailable/,
  /** Java all-unavailable chain: one `<Credential> authentication unavailable.` per line. */
  javaUnavailableMember: /(?:^|[\s:"])([A-Z][A-Za-z]{0,60}Credential) authentication unavailable\b/gm,
  /**
   * Any credential class named as failing or unavailable (JS, .NET, Java, Python wordings), and .NET's
   * event-source line `X.GetToken was unable to retrieve an access token` (Azure.Identity's GetTokenFailed).
   */
  credentialStatement:
    /\b([A-Z][A-Za-z]{0,60}Credential)(?: is unavailable| authentication unavailable| authentication failed|: |\.GetToken(?:Async)? was unable to retrieve)/,
  /**
   * A credential named by a logger or a type name rather than a sentence: Java's `c.a.i.ClientSecretCredential
   * - Azure Identity => ERROR`, .NET's `Azure.Identity.ClientSecretCredential`, Java's
   * `com.azure.identity.X`, a Python object repr `<….ClientSecretCredential object at 0x…>`.
   */
  credentialNamed:
    /\b([A-Z][A-Za-z]{0,60}Credential)(?::| -) Azure Identity => ERROR|\b(?:Azure\.Identity|com\.azure\.identity|c\.a\.i)\.([A-Z][A-Za-z]{0,60}Credential)\b|\.([A-Z][A-Za-z]{0,60}Credential) object at 0x/,
  /**
   * The top frame of a V8 stack in a credential's getToken (`    at AzureCliCredential.getToken (…)`): the
   * credential that threw, when its message does not name it. Matches the first frame of any stack; the
   * group is set only when that frame is a credential's getToken (a helper's frame, such as
   * `AzurePowerShellCredential.getAzurePowerShellAccessToken`, is not read:
   * test/fixtures/sdk-guides/powershell-az-accounts-missing).
   */
  credentialTopFrame: /^[ \t]{1,16}at (?:async )?(?:([A-Z][A-Za-z]{0,60}Credential)\.getToken \()?/m,
  /** Exception and error class names the SDKs print, with their namespaces. */
  exceptionName:
    /\b((?:Azure\.Identity\.|Microsoft\.Identity\.Client\.|com\.azure\.(?:core\.exception|identity)\.|com\.microsoft\.aad\.msal4j\.|azure\.core\.exceptions\.)?(?:AuthenticationFailedException|CredentialUnavailableException|ClientAuthenticationException|ClientAuthenticationError|MsalServiceException|MsalUiRequiredException|MsalInteractionRequiredException|AuthenticationRequiredError|CredentialUnavailableError|AggregateAuthenticationError|InteractionRequiredAuthError|AuthenticationError|ServerError))\b/,
  /** The error classes that mean a credential could not try (not that a service refused it). */
  unavailableException: /CredentialUnavailable(?:Error|Exception)$/,
  /** An error class printed before a message (`CredentialUnavailableError: `, `Error: `). */
  leadingErrorClass: /^(?:[\w.]{0,100}(?:Error|Exception): ){1,2}/,
  /** A stack frame (`   at Foo.Bar()`, Java/.NET/JS) or a .NET inner-exception arrow. */
  stackFrame: /^\s{1,16}at\s|^ ---> /,
  /** The `- ` that opens a .NET chain member line. */
  dashBullet: /^- /,
  /** Azure CLI's suggested commands after its advice lines. */
  cliAdvice:
    /(?:Please run:|Please explicitly log in with:|To re-authenticate, please run:)[ \t]*\n((?:[ \t]*az [^\n]{1,500}\n?){1,3})/,
  /** A PowerShell cmdlet at the start of an error record. */
  cmdlet: /^([A-Z][a-z]{1,20}-Az[A-Za-z]{1,40}) ?: /m,
  /** HTML entities: in text copied from a web page, and in the text tokens marked's lexer leaves escaped. */
  htmlEntityAny: /&(?:quot|apos|#39|#x27|#34|lt|gt|amp|nbsp);/g,
  /** A labelled GUID cut by console wrapping: the part before the break, the break, the rest. */
  wrappedGuidTail: /^\n[ \t]{0,8}([0-9A-Fa-f-]{1,35})(?![0-9A-Za-z])/,

  /** CSV fields that must be quoted. */
  csvSpecial: /[",\r\n]/,
  /** Runs of line breaks. */
  lineBreaks: /[\r\n]+/g,

  // ---- scanning ----
  /** The start of a new log record: ISO or bracketed dates, Go's log date, syslog, klog, an NDJSON object (not an error body printed on its own line, which belongs to the record before it). */
  logRecordStart:
    /^(?:\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[\d{4}-\d{2}-\d{2}|\{"(?!error)|\d{4}\/\d{2}\/\d{2} \d{2}:|[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}|[IWEF]\d{4} \d{2}:\d{2})/,
  /** Where an Entra error description starts: `AADSTSnnnn: `. */
  descriptionStart: /AADSTS\d{4,8}: /g,
  /** A carriage return left at the end of the last line. */
  trailingCarriageReturn: /\r$/,
  /** The start of a GUID: one left in a memo template unmasked (cut short, say) keeps the text out of the memo. */
  guidStart: /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}/,
  /** Digits (masked in a timestamp: its shape is kept, its value is not). */
  digit: /\d/g,
  /** A log line's own leading time: ISO 8601 or `YYYY-MM-DD hh:mm:ss`, bare or in brackets, with its zone. */
  lineTime: /^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)(?![\d.,])/,
  /** A JSON log record's time field near its start: `"time"`, `"timestamp"`, `"@timestamp"`, `"ts"`. */
  jsonRecordTime: /^\{[^\n]{0,200}?"(?:time|timestamp|@timestamp|ts)"[ \t]?:[ \t]?"([^"\n]{10,40})"/,
  /** A --since/--until time: a date, optionally a time of day, optionally a zone. */
  timeBound: /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i,
  /** A time's zone at its end: `Z`, `+02:00`, `-0500`. */
  zoneSuffix: /(?:Z|[+-]\d{2}:?\d{2})$/i,
  /** A relative --since/--until: `30s`, `15m`, `1h`, `7d`, `2w` before now. */
  relativeTime: /^(\d{1,9}) ?(s|m|h|d|w)$/i,

  // ---- redaction ----
  /** A JWT: three base64url parts, the first starting with `eyJ` (`{"`). */
  jwt: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,8192}\.[A-Za-z0-9_-]{4,65536}\.[A-Za-z0-9_-]{0,8192}/g,
  /** `Bearer <token>` in headers and logs. */
  bearer: /\b(Bearer[ \t]+)([A-Za-z0-9._~+/-]{8,}=*)/gi,
  /** `name=value` secrets in query strings, form bodies, env dumps and connection strings. */
  secretAssignment:
    /\b(client_secret|client_assertion|assertion|password|passwd|pwd|refresh_token|access_token|id_token|code_verifier|sig|AccountKey|SharedAccessKey|AZURE_CLIENT_SECRET|AZURE_PASSWORD|AZURE_CLIENT_CERTIFICATE_PASSWORD|IDENTITY_HEADER|MSI_SECRET|IDENTITY_SECRET|canary|flowToken)=([^&\s;"',]{1,8192})/gi,
  /** `"name": "value"` secrets in JSON. */
  secretJsonField:
    /"(client_secret|client_assertion|assertion|password|refresh_token|access_token|id_token|code_verifier|clientSecret|accessToken|refreshToken|canary|apiCanary|sCtx|sFT|flowToken)"([ \t]*:[ \t]*)"((?:[^"\\\n]|\\.){0,8192})"/gi,
  /** A sign-in page's hidden form fields that carry its anti-forgery and flow tokens: `name="canary" value="…"`. */
  secretHiddenInput: /(name="(?:canary|flowToken|ctx|hpgrequestid)"[ \t]{1,8}value=")([^"\n]{1,8192})(")/gi,
  /** `'name': 'value'` secrets in Python dict reprs. */
  secretPythonField:
    /'(client_secret|client_assertion|assertion|password|refresh_token|access_token|id_token|code_verifier)'([ \t]*:[ \t]*)'((?:[^'\\\n]|\\.){0,8192})'/gi,
  /**
   * HTTP Digest credentials: every parameter after the scheme goes (the `response` hash is derived from the
   * password, and `username`/`nonce` belong to it), up to the end of the line.
   */
  digestHeader: /\b((?:Proxy-)?Authorization:[ \t]*Digest[ \t]+)([^\r\n]{1,8192})/gi,
  /**
   * Secret-bearing headers: `X-IDENTITY-HEADER: <value>` (App Service), `Authorization: <scheme> <value>`.
   * With no space after the colon only a long value counts: `authorization:getClientConfig` is Pulumi's
   * name for an Azure function, not a header.
   */
  secretHeader:
    /\b(X-IDENTITY-HEADER|Authorization|Proxy-Authorization)(:(?:[ \t]{1,8}|(?=[^\s"',]{20}))(?:(?:Basic|Digest|NTLM|Negotiate)[ \t]+)?)(?!Bearer\b)([^\s"',]{8,4096})/gi,
  /**
   * A secret passed as a command-line flag: `--password "…"`, `--password="…"` (quoted values may hold
   * spaces), `-p '…'`, `--client-secret x`, PowerShell's `-Password`/`-ClientSecret`. The name is kept.
   */
  secretFlag:
    /(?<![\w-])(--?(?:password|passwd|client-secret|client_secret|secret|ClientSecret|CertificatePassword|ApplicationSecret|p))([ \t]*=[ \t]*|[ \t]+)("[^"\n]{1,8192}"|'[^'\n]{1,8192}'|(?!-)[^\s"']{1,8192})/gi,
  /** A line that could underline a setext heading (`===` or `---` alone), for the terminal renderer's lexer. */
  setextUnderline: /^ {0,3}(?:=+|-+)[ \t]*$/m,
  /** A port or port mapping (`8080`, `8080:80`): what `-p` means to most tools other than `az login`. */
  portLike: /^\d{1,5}(?::\d{1,5}){0,2}$/,
  /** PowerShell's `ConvertTo-SecureString '…' -AsPlainText`: the plain-text secret in quotes. */
  secureStringLiteral:
    /(ConvertTo-SecureString[ \t]+(?:-String[ \t]+)?)("[^"\n]{1,8192}"|'[^'\n]{1,8192}')/gi,
  /**
   * An OAuth authorization code in a redirect URL (`?code=…`, `&code=…`, `#code=…`). Short values and
   * numbers are not codes: Entra's own `error?code=7000215` link stays.
   */
  authorizationCode: /([?&#]code=)(?!\d+(?:[^\w.~-]|$))([^&\s;"',#\\]{8,8192})/g,
  /**
   * The shape of an Entra client secret value: 3 characters, a digit, `Q~`, then (34 today) characters.
   * The tail length is taken loosely (30 to 40), so a secret cut or padded by a log still goes.
   */
  entraSecret: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{30,40}(?![A-Za-z0-9_~.-])/g,

  // ---- catalog validation (built-in YAML at build time, user catalogs at load time) ----
  /** An entry id: kebab-case. */
  entryId: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  /** Microsoft's symbolic name for a code: CamelCase. */
  symbolicName: /^[A-Z][A-Za-z0-9_]+$/,
  /** A credential type name: ClientSecretCredential. */
  credentialName: /^[A-Za-z]+Credential$/,
  /**
   * A Markdown link in checked catalog text: `[text](https://url)`. The build proves, for every text of the
   * built-in catalog, that this finds exactly the links marked's lexer finds, so the run time can read
   * links without marked (src/catalog/links.ts).
   */
  markdownLink: /\[([^[\]\n]*)\]\((https:\/\/[^()\s]*)\)/g,
  /** A whole GUID, lower or upper case (a cause's client IDs). */
  guidExact: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  /** The authority segment of a login URL: login.microsoftonline.com/<authority>/oauth2/… */
  loginAuthority:
    /login\.(?:microsoftonline\.(?:com|us)|windows\.net|partner\.microsoftonline\.cn|chinacloudapi\.cn)\/([A-Za-z0-9.-]{1,100})\//i,
  /** An OAuth error or sub-error name in a catalog: invalid_client, basic_action. */
  oauthName: /^[a-z][a-z0-9_]*$/,
  /** A `{placeholder}` of a published message template. */
  templatePlaceholder: /\{[^{}]*\}/g,

  // ---- catalog search ----
  /** A whole input that is only a code (`50076`, `AADSTS50076`): something to look up, not an error text. */
  bareCode: /^(?:AADSTS)?\d{4,8}$/i,
  /** What separates words for search: anything but a letter or digit ("redirect_uri" is two words). */
  searchWordBreak: /[^\p{L}\p{N}]+/u,
  /** A lower-case letter or digit followed by a capital, inside a CamelCase name. */
  camelBoundary: /([a-z0-9])([A-Z])/g,
} as const;

export type PatternName = keyof typeof PATTERNS;

/**
 * Substrings a text must hold for a pattern to match anywhere in it. The credential-name patterns
 * (`[A-Z][A-Za-z]{0,60}Credential…`) are linear, but failing them is costly on text dense with
 * capitalised words: every word start tries up to 60 letters. A native substring search for the fixed
 * part first skips them on text that cannot match (bench:adversarial measures the difference).
 * test/redos.test.ts checks every entry against the pattern, on the fixtures and with fast-check.
 */
export const REQUIRED_LITERALS: { readonly [K in PatternName]?: readonly string[] } = {
  goAuthFailedHeader: ["Credential authentication failed"],
  credentialPrefixLine: ["Credential: "],
  goChainHeader: ["Credential: failed"],
  pythonGetToken: ["Credential.", "Credential\n."],
  chainRetrieveHeader: ["Credential failed to retrieve a token from the included credentials."],
  javaNested: ["Credential authentication failed. ---> "],
  javaUnavailableMember: ["Credential authentication unavailable"],
  credentialStatement: [
    "Credential is unavailable",
    "Credential authentication unavailable",
    "Credential authentication failed",
    "Credential: ",
    "Credential.GetToken",
  ],
};

/**
 * One multiline pattern that matches where any of the given patterns does, with a named group per entry
 * telling which (an entry with no pattern is left out). Used for the producers' markers, each of which
 * test/redos.test.ts checks; the combined pattern is checked there too.
 */
export function namedAlternation(groups: ReadonlyArray<readonly [string, readonly RegExp[]]>): RegExp {
  const parts = groups
    .filter(([, patterns]) => patterns.length > 0)
    .map(([name, patterns]) => `(?<${name}>${patterns.map((p) => `(?:${p.source})`).join("|")})`);
  return new RegExp(parts.join("|"), "m");
}

/** False when `text` cannot match the pattern because it lacks every one of its required literals. */
export function mayMatch(name: PatternName, text: string): boolean {
  const needed = REQUIRED_LITERALS[name];
  return needed === undefined || needed.some((literal) => text.includes(literal));
}

/** `PATTERNS[name].exec(text)` for a non-global pattern, skipped at once when the text cannot match. */
export function execIfPossible(name: PatternName, text: string): RegExpExecArray | null {
  return mayMatch(name, text) ? PATTERNS[name].exec(text) : null;
}
