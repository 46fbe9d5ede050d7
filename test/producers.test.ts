/**
 * The producer registry (src/parse/producers/): its shape, and detectProducer's one-pass search over every
 * marker held to the plain reading of the rule it implements (the earliest marker wins, registry order at
 * a tie, an MSAL gives way to its SDK, a wrapper's trailer after what it wraps), on every text we have.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import {
  adviceSdk,
  allMarkers,
  detectProducer,
  PRODUCERS,
  type Producer,
} from "../src/parse/producers/index.js";
import { SDKS } from "../src/vocab.js";
import { loadFixtures } from "./helpers/fixtures.js";

const at = (marker: Producer["markers"][number], text: string) =>
  typeof marker === "function" ? marker(text) : text.search(marker);

/** The rule, read plainly: every marker of every producer searched on its own. */
function reference(text: string): string | undefined {
  for (const p of PRODUCERS) if (p.claims?.(text)) return p.name;
  let best: Producer | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const p of PRODUCERS) {
    // A shared mark is this producer's only when none of the producers it is shared with left a mark.
    const others = PRODUCERS.filter((o) => p.shared?.with.includes(o.name));
    const sharedCounts =
      p.shared && !others.some((o) => [...o.markers, ...(o.runtime ?? [])].some((m) => at(m, text) >= 0));
    for (const marker of [...p.markers, ...(sharedCounts && p.shared ? p.shared.markers : [])]) {
      const i = at(marker, text);
      if (i >= 0 && i < bestAt) {
        best = p;
        bestAt = i;
      }
    }
  }
  const wrapping = PRODUCERS.find((p) => p.name === best?.wrappedBy);
  if (wrapping?.markers.some((m) => at(m, text) >= 0)) best = wrapping;
  for (const p of PRODUCERS)
    if (best && p.wraps?.includes(best.name) && p.trailers?.some((t) => t.test(text))) return p.name;
  if (best) return best.name;
  // No producer's mark: the earliest runtime mark (a stack frame, a runtime exception type).
  for (const p of PRODUCERS)
    for (const marker of p.runtime ?? []) {
      const i = text.search(marker);
      if (i >= 0 && i < bestAt) {
        best = p;
        bestAt = i;
      }
    }
  return best?.name;
}

describe("the producer registry", () => {
  it("names each producer once, gives each a marker, and reports only SDK values the contract has", () => {
    const names = PRODUCERS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PRODUCERS) {
      expect(p.markers.length, p.name).toBeGreaterThan(0);
      if (p.sdk) expect(SDKS).toContain(p.sdk);
      if (p.advice) expect(SDKS).toContain(p.advice);
    }
    // Every SDK value parse() can report has a producer that reports it.
    for (const sdk of SDKS)
      expect(
        PRODUCERS.some((p) => p.sdk === sdk),
        sdk,
      ).toBe(true);
    expect(adviceSdk("msal-python")).toBe("python");
    // Their users call cmdlets or write provider blocks: no SDK's API names, their own wording or the neutral text.
    expect(adviceSdk("powershell")).toBe("powershell");
    expect(adviceSdk("terraform")).toBe("terraform");
  });

  // recheck answers "unknown" for an alternation this large. It needs no proof of its own: at each start
  // position it tries the markers in turn, so its work is at most the sum of running each marker alone,
  // and each marker is proven linear in test/redos.test.ts. What must hold is that it holds nothing else.
  it("searches every marker in one pattern built only from the checked markers", () => {
    const expected = PRODUCERS.map((p, i) => {
      const sources = p.markers.filter((m): m is RegExp => m instanceof RegExp).map((m) => `(?:${m.source})`);
      return sources.length > 0 ? `(?<p${i}>${sources.join("|")})` : "";
    })
      .filter(Boolean)
      .join("|");
    expect(allMarkers().source).toBe(expected);
    expect(allMarkers().flags).toBe("m");
    for (const p of PRODUCERS)
      for (const m of p.markers) if (m instanceof RegExp) expect(m.flags.replace("m", ""), p.name).toBe("");
  });

  it("detects in one pass exactly what the plain rule gives, on every fixture and corpus text", () => {
    const texts = loadFixtures().map((f) => f.text);
    const corpus = new URL("./corpus/cases/", import.meta.url).pathname;
    for (const f of readdirSync(corpus)) if (f.endsWith(".txt")) texts.push(readFileSync(corpus + f, "utf8"));
    expect(texts.length).toBeGreaterThan(600);
    let recognised = 0;
    for (const text of texts) {
      const name = detectProducer(text)?.name;
      expect(name, text.slice(0, 120)).toBe(reference(text));
      if (name) recognised++;
    }
    expect(recognised).toBeGreaterThan(texts.length / 2);
  });

  it("reports a Kubernetes add-on as the host, and only an SDK's own marks inside it as the SDK", () => {
    const csi =
      'E0304 11:20:41.118204       1 utils.go:79] GRPC error: failed to mount secrets store objects for pod shop/cart-7d9f, err: rpc error: code = Unknown desc = failed to get key vault token: Get "http://localhost:2579/host/token/?resource=https://vault.azure.net": dial tcp 127.0.0.1:2579: connect: connection refused';
    expect(parse(csi)).toMatchObject({ host: "kubernetes" });
    expect(parse(csi).sdk).toBeUndefined();
    const nmi =
      "E0304 11:20:41.604377       1 server.go:375] failed to get service principal token for pod: shop/cart-7d9f, error: adal: Refresh request failed. Status Code = '400'.";
    expect(parse(nmi)).toMatchObject({ host: "kubernetes", sdk: "go" });
  });

  it("reads the Azure SDK for Java's class path as the JVM's class loader writes it", () => {
    const text =
      "Error: Unable to initialize main class com.contoso.reports.App\nCaused by: java.lang.NoClassDefFoundError: com/azure/core/credential/TokenCredential";
    expect(parse(text).sdk).toBe("java");
    // Another vendor's class path is the JVM's only.
    expect(
      parse("Caused by: java.lang.NoClassDefFoundError: com/contoso/auth/TokenSource").sdk,
    ).toBeUndefined();
    // Spring Security's own OAuth2 client is no Azure SDK: its frames name the language, not an SDK.
    const spring = parse(
      "org.springframework.security.oauth2.core.OAuth2AuthenticationException: [invalid_token_response] An error occurred while attempting to retrieve the OAuth 2.0 Access Token Response: 401 Unauthorized\n\tat org.springframework.security.oauth2.client.endpoint.DefaultAuthorizationCodeTokenResponseClient.getResponse(DefaultAuthorizationCodeTokenResponseClient.java:99)",
    );
    expect(spring.sdk).toBeUndefined();
    expect(spring.runtime).toBe("java");
    // Microsoft's JDBC driver for SQL Server is Java's (the corpus README's sdk rule).
    expect(
      parse(
        "com.microsoft.sqlserver.jdbc.SQLServerException: Failed to authenticate the user in Active Directory (Authentication=ActiveDirectoryManagedIdentity).",
      ).sdk,
    ).toBe("java");
  });

  // A stack trace or a runtime exception type names the language only when no producer left a mark.
  describe("with no producer's mark, the runtime that printed the stack names the language", () => {
    const cases: Array<[string, string, string | undefined]> = [
      [
        "a CPython traceback",
        'Traceback (most recent call last):\n  File "/srv/jobs/export.py", line 41, in <module>\n    token = fetch()\nrequests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
        "python",
      ],
      [
        "a JVM frame",
        "java.net.UnknownHostException: login.microsoftonline.com\n\tat java.net.Socket.connect(Socket.java:589)\n\tat com.example.Reports.token(Reports.java:77)",
        "java",
      ],
      [
        "a V8 frame in a Node built-in",
        "Error: self signed certificate in certificate chain\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1535:34)\n    at TLSSocket.emit (node:events:513:28)",
        "js",
      ],
      [
        ".NET's own exception type",
        "System.Net.Http.HttpRequestException: No such host is known. (login.microsoftonline.com:443)",
        "dotnet",
      ],
      [
        "a Go panic",
        "panic: token request failed\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:17 +0x21",
        "go",
      ],
      // A Go program's logger prints a source position around its own messages: that is not a Go SDK's text.
      // @azure/identity's error class is a mark where it is printed as an exception (`AuthenticationError: …`),
      // not where another library's class of the same name is shown as a Python repr or a JSON name.
      [
        "another library's AuthenticationError shown as a Python repr",
        `openai call failed: AuthenticationError("Error code: 401 - {'statusCode': 401, 'message': 'Unauthorized.'}")`,
        undefined,
      ],
      [
        "a web framework's AuthenticationError serialised as JSON",
        '{"error": {"name": "AuthenticationError", "message": "Refresh failed; caused by InputError: Missing session cookie"}}',
        undefined,
      ],
      [
        "a Go logger's source position alone",
        "E0519 14:15:57.833861 1 server.go:378] token request failed: 401",
        undefined,
      ],
      [
        "adal-node's wording as a Node Error",
        'Error: Get Token request returned http error: 400 and server response: {"error":"unauthorized_client"}',
        "js",
      ],
      [
        "ADAL for Python's same wording as an AdalError",
        'adal.adal_error.AdalError: Get Token request returned http error: 400 and server response: {"error":"unauthorized_client"}',
        "python",
      ],
      [
        "a producer's mark before a runtime's frame",
        'Traceback (most recent call last):\n  File "app.py", line 9, in <module>\nazure.core.exceptions.ClientAuthenticationError: Authentication failed',
        "python",
      ],
      [
        "another library's AuthenticationError, qualified by its Python module, is not @azure/identity's",
        "  File \"/srv/app/chat.py\", line 41, in answer\nopenai.AuthenticationError: Error code: 401 - {'error': {'code': 'PermissionDenied'}}",
        "python",
      ],
      [
        "@azure/identity's own AuthenticationError",
        "AuthenticationError: invalid_client: AADSTS7000215: Invalid client secret provided.\n    at ClientSecretCredential.getToken (/app/node_modules/@azure/identity/dist/index.js:1:2)",
        "js",
      ],
      [
        "an error class @azure/identity and azure-identity for Python both name, alone",
        "CredentialUnavailableError: Azure CLI not found on path",
        "js",
      ],
      [
        "the same error class beside Python's own mark",
        'Result: Failure Exception: CredentialUnavailableError: Azure CLI not found on path Stack: File "/home/site/wwwroot/azure_functions_worker/dispatcher.py"',
        "python",
      ],
      [
        "a Terraform diagnostic's location around azidentity's text",
        'Error: Failed to perform action\n\u2502\n\u2502   with data.azapi_resource_action.regions,\n\u2502   on network.tf line 31, in data "azapi_resource_action" "regions":\n\u2502 ChainedTokenCredential authentication failed\n\u2502 GET http://169.254.169.254/metadata/identity/oauth2/token\n\u2502 --------------------------------------------------------------------------------\n\u2502 RESPONSE 400 Bad Request',
        "terraform",
      ],
      [
        "azurerm's ARM config wording around the Azure CLI's",
        "Error: Error building ARM Config: obtain subscription(00000000-0000-4000-8000-00000000c0de) from Azure CLI: exit status 1: ERROR: Please run 'az login' to setup account.",
        "terraform",
      ],
      [
        "Terraform's backend loading its state through go-autorest",
        "Error loading state: Error retrieving keys for Storage Account \"tfstate\": azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscriptions/00000000-0000-4000-8000-00000000c0de/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/tfstate/listKeys?api-version=2016-01-01: StatusCode=400 -- Original Error: adal: Refresh request failed. Status Code = '400'.",
        "terraform",
      ],
      [
        "azurerm's authorizer around the Azure CLI's advice",
        "Error: unable to build authorizer for Resource Manager API: could not configure AzureCli Authorizer: obtaining subscription ID: obtaining account details: running Azure CLI: exit status 1: ERROR: Please run 'az login' to setup account.",
        "terraform",
      ],
      [
        "Azure.Identity's own frames without `at`",
        "CredentialUnavailableException: ManagedIdentityCredential authentication unavailable. No Managed Identity endpoint found.\nAzure.Identity.ManagedIdentityClient.AuthenticateAsync(bool async, TokenRequestContext context, CancellationToken cancellationToken)",
        "dotnet",
      ],
      [
        "an exception class Azure Identity for .NET and for Java both name, beside a Java frame",
        "com.azure.identity.CredentialUnavailableException: EnvironmentCredential authentication unavailable.\n\tat com.azure.identity.EnvironmentCredential.getToken(EnvironmentCredential.java:71)",
        "java",
      ],
      [
        "the sign-in page's details copied on one line, in backticks",
        "`Request Id: 0c3f5e2a-0000-4000-8000-00000000a001 Correlation Id: 0c3f5e2a-0000-4000-8000-00000000a002 Timestamp: 2024-02-03T04:05:06Z Message: AADSTS50020: User account from identity provider 'live.com' does not exist in tenant 'Fabrikam'.`",
        "browser",
      ],
      [
        "MSAL.NET's log line and its broker's tag",
        "True MSAL 4.61.3.0 MSAL.Desktop 4.8 or later Windows 10 Enterprise [2025-03-04 05:06:07Z] [WamBroker] Could not login interactively. Status: Unexpected",
        "msal-dotnet",
      ],
      [
        "the Azure CLI run at a PowerShell prompt",
        "PS C:\\Users\\dev> az login\nError occurred in request., SSLError: HTTPSConnectionPool(host='management.azure.com', port=443): Max retries exceeded with url: /tenants?api-version=2022-12-01\nTraceback (most recent call last):\n  File \"C:\\Program Files\\Python\\urllib3\\contrib\\pyopenssl.py\", line 453, in wrap_socket",
        "azure-cli",
      ],
      [
        "the sign-in page's troubleshooting block",
        "You can't get there from here\nThis application contains sensitive information and can only be accessed from devices or client applications that meet the management compliance policy.\nTroubleshooting details\nIf you plan on getting support for an issue, provide the following details.\nApp name: Contoso Payroll",
        "browser",
      ],
      [
        "the Azure CLI's own sign-in wording",
        "AADSTS70043: The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.\nRun the command below to authenticate interactively; additional arguments may be added as needed:\naz logout\naz login",
        "azure-cli",
      ],
      [
        "pytest's failure lines",
        'E       Failed: Get Token request returned http error: 401 and server response: {"error":"invalid_client"}',
        "python",
      ],
      [
        "net/http's transport error, which any Go program prints",
        'Post "https://login.microsoftonline.com/3c1d0f4e-0000-4000-8000-000000000a11/oauth2/v2.0/token": dial tcp: lookup login.microsoftonline.com: no such host',
        "go",
      ],
      [
        "MSAL.NET's ResponseBody line",
        'StatusCode: 400\nResponseBody: {"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired due to inactivity."}\nHeaders: Cache-Control: no-store',
        "msal-dotnet",
      ],
      [
        "MSAL4J's exception fields",
        "errorCode=invalid_grant\nmessage=AADSTS50057: The user account is disabled.\nstatusCode=400\nclaims=null\nreason=NONE",
        "msal-java",
      ],
      [
        "an MSAL.NET mark beside a .NET exception type",
        "System.InvalidOperationException: wrapped\n ---> MSAL.NetCore.4.61.3.0.MsalServiceException:\n\tErrorCode: invalid_client",
        "msal-dotnet",
      ],
      // Marks taken from the SDKs' own sources (each producer module names the file).
      [
        "@azure/logger's namespace and level prefix",
        "azure:identity:info ManagedIdentityCredential - Token Exchange => Requesting a token\nazure:identity:error ManagedIdentityCredential => getToken() => ERROR. Scopes: https://vault.azure.net/.default. Error: The managed identity endpoint did not respond.",
        "js",
      ],
      [
        "azure-identity for Java's getToken log line",
        "2025-02-11 09:14:03.552 ERROR 1 --- [main] ManagedIdentityCredential : Azure Identity => ERROR in getToken() call for scopes [https://vault.azure.net/.default]: Managed Identity authentication is not available.",
        "java",
      ],
      [
        "Spring Boot's shortened azure-identity logger",
        "2025-02-11 09:14:03.552  WARN 1 --- [main] c.a.identity.EnvironmentCredential : Azure Identity => EnvironmentCredential invoking ClientSecretCredential",
        "java",
      ],
      [
        "MSAL4J's interaction-required exception, bare",
        "MsalInteractionRequiredException: AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.",
        "msal-java",
      ],
      [
        "Spring Boot's shortened MSAL4J logger",
        "2025-02-11 09:14:03.552 ERROR 1 --- [pool-1-thread-1] c.m.a.msal4j.ConfidentialClientApplication : [Correlation ID: 7d3e9c1a-0000-4000-8000-00000000b001] Execution of class com.example.TokenJob failed.",
        "msal-java",
      ],
      [
        "azidentity's log line for a token acquired",
        '[Authentication] WorkloadIdentityCredential.GetToken() acquired a token for scope "https://management.core.windows.net//.default"\n[Retry] =====> Try=1 for GET https://management.azure.com/subscriptions',
        "go",
      ],
      [
        "azidentity's chain naming the credential that worked",
        "[Authentication] DefaultAzureCredential authenticated with ManagedIdentityCredential\n[Request] ==> OUTGOING REQUEST (Try=1) GET https://kv-orders.vault.azure.net/secrets/db",
        "go",
      ],
      [
        "azidentity's older getToken error log",
        "[Credential] Azure Identity => ERROR in GetToken() call for Client Secret Credential. Please check the log for the error.",
        "go",
      ],
      [
        "Azure.Core's RequestFailedException message, without its class name",
        'The principal 3f1c9e2a-0000-4000-8000-00000000d001 lacks the required data action Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action.\nStatus: 401 (PermissionDenied)\nErrorCode: PermissionDenied\n\nContent:\n{"error":{"code":"PermissionDenied"}}',
        "dotnet",
      ],
      [
        "Azure.Core's status and error code joined on one line by a paste",
        "> The principal lacks the required data action. Status: 403 (Forbidden) ErrorCode: AuthorizationPermissionMismatch",
        "dotnet",
      ],
      [
        "MSAL.NET's Linux browser launcher failing",
        "Error: Unable to open a web page using xdg-open, gnome-open, or kfmclient tools. See inner exception for details.",
        "msal-dotnet",
      ],
      [
        "an older Microsoft.Azure client library's namespace",
        'Microsoft.Azure.Devices.Common.Exceptions.UnauthorizedException: {"Message":"ErrorCode:IotHubUnauthorized;Principal is not authorized for GET on /twins/pump-7"}',
        "dotnet",
      ],
      [
        "azidentity wrapping Go's missing-file error",
        "Failed to get access token: WorkloadIdentityCredential: open /var/run/secrets/azure/tokens/azure-identity-token: no such file or directory",
        "go",
      ],
      [
        "azcore's ResponseError flattened into a log record",
        'level=warning msg="could not create topic orders: PUT https://contoso-bus.servicebus.windows.net/orders\\nRESPONSE 401: 401 Unauthorized\\nERROR CODE: 401"',
        "go",
      ],
      [
        "msal-common's token request without a code or refresh token",
        "Microsoft auth failed: request_cannot_be_made: Token request cannot be made without authorization code or refresh token.",
        "msal-js",
      ],
      [
        "the personal-account page's heading",
        "We're unable to complete your request\n\ninvalid_request: The provided value for the input parameter 'redirect_uri' is not valid.",
        "browser",
      ],
      [
        "azidentity's managed identity probe timing out",
        "error fetching secret: ManagedIdentityCredential: IMDS token request timed out",
        "go",
      ],
      [
        "Azure.Identity's event source: a call invoked",
        "[Informational] ManagedIdentityCredential.GetToken invoked. Scopes: [ https://storage.azure.com/.default ] ParentRequestId: 5b2c9e7d-0000-4000-8000-00000000c001",
        "dotnet",
      ],
      [
        "Azure.Identity's event source: a call that failed",
        "[Informational] VisualStudioCodeCredential was unable to retrieve an access token. Scopes: [ https://management.azure.com/.default ] Exception: Stored credentials not found.",
        "dotnet",
      ],
      [
        "Azure.Identity's event source: the request ID after the scopes",
        "[Verbose] DefaultAzureCredential succeeded with WorkloadIdentityCredential. Scopes: [ https://management.azure.com/.default ] ParentRequestId: 5b2c9e7d-0000-4000-8000-00000000c002",
        "dotnet",
      ],
      [
        "azure-identity for Python's success log",
        "2025-02-11 09:14:03,552 INFO EnvironmentCredential.get_token succeeded\n2025-02-11 09:14:04,101 ERROR upload failed: 403 This request is not authorized to perform this operation.",
        "python",
      ],
      [
        "azure-identity for Python's chain naming the credential that worked",
        "2025-02-11 09:14:03,552 INFO DefaultAzureCredential acquired a token from AzureCliCredential\n2025-02-11 09:14:04,101 ERROR (AuthorizationFailed) The client does not have authorization to perform action.",
        "python",
      ],
      [
        "azure-identity for Python's Azure CLI credential, not signed in",
        "CredentialUnavailableError: Please run 'az login' to set up an account",
        "python",
      ],
      [
        "the Azure CLI's account missing from its MSAL cache",
        "User 'dev@contoso.example' does not exist in MSAL token cache. Run `az login`.",
        "azure-cli",
      ],
      ["the Azure CLI's empty MSAL result", "ERROR: Can't find token from MSAL cache.", "azure-cli"],
      [
        "the Azure CLI opening a browser for sign-in",
        "A web browser has been opened at https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize. Please continue the login in the web browser. If no web browser is available or if the web browser fails to open, use device code flow.",
        "azure-cli",
      ],
      [
        "the Azure CLI's Cloud Shell warning",
        "WARNING: A Cloud Shell credential problem occurred. When you report the issue with the error below, please mention the hostname 'SandboxHost-638000000000000000'",
        "azure-cli",
      ],
      [
        "the Azure CLI's interactive step-up",
        "Interactively acquiring token for scope 'https://management.core.windows.net//.default'. Continue the login in the web browser.",
        "azure-cli",
      ],
      [
        "the Azure CLI failing against one tenant at sign-in",
        "Authentication failed against tenant 4f7c2a1e-0000-4000-8000-00000000d001 'Fabrikam Lab': AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication.",
        "azure-cli",
      ],
      [
        "the Azure CLI's advice for tenants it skipped",
        "If you need to access subscriptions in the following tenants, please use `az login --tenant TENANT_ID`.\n4f7c2a1e-0000-4000-8000-00000000d002 'Fabrikam Lab'",
        "azure-cli",
      ],
      [
        "the Azure CLI listing tenants after sign-in",
        "Retrieving tenants and subscriptions for the selection...\nAADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.",
        "azure-cli",
      ],
      [
        "Az.Accounts with expired credentials",
        "Your Azure credentials have not been set up or have expired, please run Connect-AzAccount to set up your Azure credentials.\nSharedTokenCacheCredential authentication unavailable. No accounts were found in the cache.",
        "powershell",
      ],
      [
        "Az.Accounts with no subscription in the context",
        "No subscription found in the context.  Please ensure that the credentials you provided are authorized to access an Azure subscription.",
        "powershell",
      ],
      [
        "Az.Accounts' advice to sign in again, alone",
        "Please ensure that the credentials you provided are authorized to access an Azure subscription, then run Connect-AzAccount to login.",
        "powershell",
      ],
      [
        "Microsoft.Graph PowerShell, not connected",
        "Authentication needed. Please call Connect-MgGraph.",
        "powershell",
      ],
      [
        "the AzureAD module, not connected",
        "You must call the Connect-AzureAD cmdlet before calling any other cmdlets.",
        "powershell",
      ],
      [
        "go-azure-sdk failing to configure an authorizer",
        "Error: unable to build authorizer for Key Vault API: could not configure ClientCertificate Authorizer: could not decode PKCS#12 archive: pkcs12: decryption password incorrect",
        "terraform",
      ],
      [
        "go-azure-sdk with no authorizer configured",
        "Error: no Authorizer could be configured, please check your configuration",
        "terraform",
      ],
      [
        "go-azure-sdk's client credentials token request",
        'could not acquire access token to parse claims: clientCredentialsToken: received HTTP status 401 with response: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}',
        "terraform",
      ],
      [
        "azure-identity for Python's Azure CLI credential failing to run the CLI",
        "\tEnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.\n\tAzureCliCredential: Failed to invoke the Azure CLI",
        "python",
      ],
      [
        "azure-identity for Python's Azure PowerShell credential reading unexpected output",
        '\tAzurePowerShellCredential: Unexpected output from Get-AzAccessToken: "WARNING: Upcoming breaking changes in the cmdlet"',
        "python",
      ],
      [
        "azure-identity for Python's Azure PowerShell credential blocked by policy",
        "\tAzurePowerShellCredential: Execution policy prevented invoking Azure PowerShell",
        "python",
      ],
      [
        "@azure/identity's Azure CLI credential, not signed in",
        "AzureCliCredential => getToken() => ERROR. Please run 'az login' from a command prompt to authenticate before using this credential.",
        "js",
      ],
      [
        "@azure/identity's Azure PowerShell credential, not signed in",
        "Please run 'Connect-AzAccount' from PowerShell to authenticate before using this credential.",
        "js",
      ],
      [
        "@azure/identity's Azure CLI credential reading an unexpected answer",
        'Unexpected response from Azure CLI when getting token. Expected "expiresOn" to be a RFC3339 date string. Got: "undefined"',
        "js",
      ],
      [
        "Azure.Identity's Azure CLI credential needing an interactive sign-in",
        "AzureCliCredential: Azure CLI could not login. Interactive login is required.",
        "dotnet",
      ],
      [
        "Azure.Identity's Azure CLI credential failing for a reason it does not know",
        "Azure CLI authentication failed due to an unknown error. See the troubleshooting guide for more information. ERROR: Failed to connect to MSI.",
        "dotnet",
      ],
      [
        "azure-identity for Java's Azure CLI credential, not signed in",
        "AzureCliCredential authentication unavailable. Please run 'az login' to set up account. To further mitigate this issue, please refer to the troubleshooting guidelines here at the identity docs.",
        "java",
      ],
      [
        "azure-identity for Java's verbose Azure CLI log",
        "Azure CLI Authentication => A token response was received from Azure CLI, deserializing the response into an Access Token.",
        "java",
      ],
      [
        "azure-identity for Java's IntelliJ credential",
        "IntelliJ Authentication not available. Please log in with Azure Tools for IntelliJ plugin in the IDE.",
        "java",
      ],
      [
        "azure-identity for Java's Azure PowerShell credential failing",
        "Azure Powershell authentication failed. Error Details: The term 'pwsh' is not recognized as a name of a cmdlet.",
        "java",
      ],
      [
        "azure-identity for Java's Azure PowerShell credential trying both shells",
        "Azure PowerShell authentication failed using defaultpowershell(pwsh) with following error: Az.Account module >= 2.2.0 is not installed.",
        "java",
      ],
      [
        "MSAL for Python's logger names",
        'DEBUG:msal.token_cache:event={"client_id": "6f1c2e3d-0000-4000-8000-00000000e001", "grant_type": "client_credentials"}',
        "msal-python",
      ],
      [
        "MSAL for Python failing to discover its authority",
        "ValueError: Unable to get authority configuration for https://login.microsoftonline.com/fabrikam-lab.example. Authority would typically be in a format of https://login.microsoftonline.com/your_tenant",
        "msal-python",
      ],
      [
        "MSAL.NET's request log line",
        "=== Token Acquisition (ClientCredentialRequest) started:\n\tAuthority: https://login.microsoftonline.com/4f7c2a1e-0000-4000-8000-00000000f001/\n\tScope: https://graph.microsoft.com/.default\n\tClientId: 6f1c2e3d-0000-4000-8000-00000000f002",
        "msal-dotnet",
      ],
      [
        "msal-angular's guard in Angular's injector error",
        "NullInjectorError: R3InjectorError(AppModule)[MsalGuard -> MsalService -> InjectionToken MSAL_INSTANCE]: No provider for InjectionToken MSAL_INSTANCE!",
        "msal-js",
      ],
      [
        "msal-react's provider in React's warning",
        "Warning: Cannot update a component (`MsalProvider`) while rendering a different component (`Profile`).",
        "msal-js",
      ],
      [
        "@azure/identity's credential logger",
        "ManagedIdentityCredential => getToken() => ERROR. Scopes: https://vault.azure.net/.default. Error message: The managed identity endpoint was reached, yet no tokens were received.",
        "js",
      ],
      [
        "@azure/identity's EnvironmentCredential listing its variables",
        "EnvironmentCredential => Found the following environment variables: AZURE_TENANT_ID, AZURE_CLIENT_ID",
        "js",
      ],
      [
        "@azure/identity's older managed identity credential",
        "getToken failed: ManagedIdentityCredential - No MSI credential available",
        "js",
      ],
      [
        "azidentity's managed identity with no identity assigned",
        "ManagedIdentityCredential: no default identity is assigned to this resource",
        "go",
      ],
      [
        "azidentity's managed identity with another identity requested",
        "ManagedIdentityCredential: the requested identity isn't assigned to this resource",
        "go",
      ],
      [
        "azidentity's workload identity credential with no client ID",
        "WorkloadIdentityCredential: no client ID specified. Check pod configuration or set ClientID in the options",
        "go",
      ],
      [
        "azidentity's older credential names with spaces",
        "Client Secret Credential: AADSTS7000215: Invalid client secret provided.",
        "go",
      ],
      // MSAL4J's exceptions share MSAL.NET's names (com.microsoft.aad.msal4j.MsalServiceException).
      [
        "an MSAL exception name beside MSAL4J's package",
        "MsalServiceException: AADSTS7000215: Invalid client secret provided.\n\tat com.microsoft.aad.msal4j.MsalServiceExceptionFactory.fromHttpResponse(MsalServiceExceptionFactory.java:45)",
        "msal-java",
      ],
      [
        "an MSAL exception name beside a JVM frame",
        "MsalClientException: java.net.SocketTimeoutException: connect timed out\n\tat com.contoso.reports.TokenJob.run(TokenJob.java:77)",
        "java",
      ],
      [
        "an MSAL exception name alone",
        "MsalClientException: ErrorCode: multiple_matching_tokens_detected",
        "msal-dotnet",
      ],
    ];
    for (const [what, text, expected] of cases)
      it(what, () => {
        expect(detectProducer(text)?.name).toBe(expected);
        expect(reference(text)).toBe(expected);
      });
  });
});
