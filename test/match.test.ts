import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explain, match, type ParsedAuthError, parse, render } from "../src/index.js";
import { MAX_BONUS, rank, rankEveryEntry, SCORES } from "../src/match/index.js";
import { parseWithText } from "../src/parse/index.js";
import { loadFixtures } from "./helpers/fixtures.js";

const block = (credential: string, code: number, error = "unauthorized_client") =>
  `${credential} authentication failed. 
POST https://login.microsoftonline.com/72f988bf-0000-4000-8000-00000000abcd/oauth2/v2.0/token
--------------------------------------------------------------------------------
RESPONSE 400: 400 Bad Request
--------------------------------------------------------------------------------
{
  "error": "${error}",
  "error_description": "AADSTS${code}: Application with identifier 'f00dbabe-1234-4abc-8def-001122334455' was not found in the directory 'Contoso'.\\r\\nTrace ID: 0c0c0c0c-1111-4222-8333-444444444444\\r\\nCorrelation ID: 0d0d0d0d-5555-4666-8777-888888888888\\r\\nTimestamp: 2025-02-02 02:02:02Z",
  "error_codes": [${code}]
}
--------------------------------------------------------------------------------`;

const ids = (text: unknown) => explain(text).matches.map((m) => m.id);

describe("ranking", () => {
  it("AADSTS700016 under ClientCertificateCredential picks the certificate row, and the secret row with the same title is not shown", () => {
    const found = ids(block("ClientCertificateCredential", 700016));
    expect(found[0]).toBe("client-certificate-app-not-found");
    expect(found).not.toContain("client-secret-app-not-found");
    expect(found).toContain("aadsts-700016");
  });
  it("AADSTS700016 under ClientSecretCredential picks the secret row", () => {
    expect(ids(block("ClientSecretCredential", 700016))[0]).toBe("client-secret-app-not-found");
  });
  it("AADSTS700016 with no credential gives the code's general entry, not one written for a credential", () => {
    const found = explain(
      "AADSTS700016: Application with identifier '5b0c1f6e-0000-4000-8000-00000000aaaa' was not found in the directory 'Contoso'.",
    ).matches;
    expect(found[0]?.id).toBe("aadsts-700016");
    expect(found[0]?.confidence).toBe("high");
    // The two credential rows share a title: one of them is listed, never both.
    expect(found.filter((m) => m.title === "Application not found in tenant").length).toBeLessThanOrEqual(1);
  });
  it("the score table keeps the documented order", () => {
    const order = [
      SCORES.codeAndCredential,
      SCORES.codeAnyCredential,
      SCORES.codeCredentialUnknown,
      SCORES.codeOtherCredential,
      SCORES.messageAndCredential,
      SCORES.message,
      SCORES.messageOtherCredential,
      SCORES.statusAndCredential,
      SCORES.status,
      SCORES.hintAndCredential,
      SCORES.hint,
      SCORES.credentialFallback,
      SCORES.genericFallback,
    ];
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    // Bonuses never lift an entry out of its rule group into the one above.
    const groups = [
      [
        SCORES.codeAndCredential,
        SCORES.codeAnyCredential,
        SCORES.codeCredentialUnknown,
        SCORES.codeOtherCredential,
      ],
      [SCORES.messageAndCredential, SCORES.message, SCORES.messageOtherCredential],
      [SCORES.statusAndCredential, SCORES.status],
      [SCORES.hintAndCredential, SCORES.hint],
      [SCORES.credentialFallback, SCORES.genericFallback],
    ];
    for (let i = 1; i < groups.length; i++)
      expect(Math.max(...(groups[i] as number[])) + MAX_BONUS).toBeLessThan(
        Math.min(...(groups[i - 1] as number[])),
      );
  });
  it("a code beats a message phrase, which beats a status", () => {
    const ex = explain(block("ClientSecretCredential", 7000215, "invalid_client"));
    expect(ex.matches[0]?.id).toBe("client-secret-invalid");
    expect(ex.matches[0]?.score).toBeGreaterThanOrEqual(SCORES.codeAndCredential);
    expect(ex.matches[0]?.reasons.join()).toMatch(/AADSTS7000215 under ClientSecretCredential/);
  });
  it("matches key phrases, not whole sentences, whatever the apostrophe", () => {
    expect(
      ids("ManagedIdentityCredential: The requested identity hasn’t been assigned to this resource")[0],
    ).toBe("managed-identity-vm-identity-not-assigned");
    expect(ids("error: azure cli NOT FOUND on path")[0]).toBe("azure-cli-not-found");
  });
  it("a 403 from a service (not a token endpoint) is a permission problem", () => {
    const text =
      "GET https://mgmt.example.invalid/subscriptions/1/resourceGroups\nRESPONSE 403: 403 Forbidden\nERROR CODE: AuthorizationFailed\n";
    expect(ids(text)[0]).toBe("permission-issues");
  });
  it("a 401 from the token endpoint is not a permission problem", () => {
    expect(ids(block("ClientSecretCredential", 7000215))).not.toContain("permission-issues");
  });
  it("an unknown AADSTS code falls back to reading guidance; plain noise matches nothing", () => {
    expect(ids("AADSTS99999990: Something the catalog has never seen.")).toEqual(["find-error-fields"]);
    expect(ids("AADSTS90002: Tenant 'x' not found.")[0]).toBe("aadsts-90002");
    expect(ids("GET /health 200 3ms")).toEqual([]);
  });
  it("every match carries its reasons, links and Markdown mitigation", () => {
    for (const m of explain(block("ClientSecretCredential", 7000215, "invalid_client")).matches) {
      expect(m.reasons.length).toBeGreaterThan(0);
      expect(m.mitigation.length).toBeGreaterThan(0);
      expect(Array.isArray(m.links)).toBe(true);
    }
  });
  it("never throws on malformed parsed input", () => {
    for (const bad of [{}, { codes: "x" }, { codes: [1], credential: 5 }, null]) {
      expect(() => match(bad as unknown as ParsedAuthError)).not.toThrow();
    }
    // A flag where text belongs (and text where a flag belongs) is dropped, not read: the tests run with
    // AADSTS_DEBUG=1, so an internal error would surface here.
    const flags = { codes: [7000215], credential: true, message: false, statusReliable: "no" };
    expect(match(flags as unknown as ParsedAuthError)[0]?.id).toBe("client-secret-invalid");
  });
  it("honours limit", () => {
    expect(match(parse(block("ClientCertificateCredential", 700016)), { limit: 1 })).toHaveLength(1);
  });
});

describe("phrase matching on long inputs", () => {
  const noise = "2026-11-27T10:00:00Z INFO request served in 12 ms\n".repeat(3_000); // ≈ 150,000 characters
  const texts = [
    readFileSync(new URL("../examples/guide-client-secret.txt", import.meta.url), "utf8"),
    "azure.core.exceptions.ClientAuthenticationError: DefaultAzureCredential failed to retrieve a token from the included credentials.\nAttempted credentials:\n\tEnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.\n\tManagedIdentityCredential: ManagedIdentityCredential authentication unavailable, no response from the IMDS endpoint.\n\tAzureCliCredential: Azure CLI not found on path\nAADSTS70043: The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.",
  ];
  it.each(texts.map((t, i) => [i, t]))(
    "finds the same entries when text %i sits behind 150,000 characters of log",
    (_i, text) => {
      const alone = explain(text as string).matches.map((m) => m.id);
      expect(alone.length).toBeGreaterThan(0);
      expect(explain(`${noise}${text}`).matches.map((m) => m.id)).toEqual(alone);
    },
  );
});

describe("the right fix first", () => {
  it("a message two libraries print is explained in the library that printed it (match.sdks)", () => {
    // MSAL.NET and MSAL for Java both refuse a managed user's sign-in without a password in these words.
    const words = "Password is required for managed user";
    const java = explain(
      `com.microsoft.aad.msal4j.MsalClientException: ${words}\n\tat com.microsoft.aad.msal4j.AcquireTokenByAuthorizationGrantSupplier.execute(AcquireTokenByAuthorizationGrantSupplier.java:63)`,
    );
    expect(java.parsed.sdk).toBe("msal-java");
    expect(java.matches[0]?.id).toBe("msal-java-iwa-managed-user");
    expect(java.matches[0]?.reasons).toContain("written for msal-java");
    const dotnet = explain(
      `MSAL.NetCore.4.61.3.0.MsalClientException:\n\tErrorCode: password_required_for_managed_user\nMicrosoft.Identity.Client.MsalClientException: ${words}`,
    );
    expect(dotnet.parsed.sdk).toBe("msal-dotnet");
    expect(dotnet.matches[0]?.id).toBe("msal-dotnet-ropc-unsupported-account");
    // With no library named, the two tie and neither is presented as sure.
    const bare = explain(words);
    expect(bare.parsed.sdk).toBeUndefined();
    expect(bare.matches[0]?.confidence).not.toBe("high");
  });

  it("a generic wrapper code never beats the specific code beside it (ADAL's 70002 + 50012)", () => {
    const text =
      "Microsoft.IdentityModel.Clients.ActiveDirectory.AdalServiceException: AADSTS70002: Error validating credentials. AADSTS50012: Invalid client secret is provided.\r\nTrace ID: 1c5e7a90-0000-4000-8000-00000000c001\r\nCorrelation ID: 1c5e7a90-0000-4000-8000-00000000c002\r\nTimestamp: 2018-06-01 10:00:00Z";
    const [top, next] = explain(text).matches;
    expect(top?.id).toBe("aadsts-50012");
    expect(top?.cause?.id).toBe("client-secret-rejected");
    expect(top?.mitigation).toContain("**Value**");
    expect(next?.id).toBe("aadsts-70002");
    expect(next?.confidence).toBe("medium");
    expect(next?.reasons.join(" ")).toContain(
      "generic code printed in front of the more specific AADSTS50012",
    );
  });

  it("picks a code's cause from its signals and says why, else gives the code's general advice", () => {
    const saml =
      "AADSTS700016: Application with identifier 'https://sso.contoso.example/metadata' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.";
    const [s] = explain(saml).matches;
    expect(s?.cause?.id).toBe("saml-identifier-mismatch");
    expect(s?.reasons.at(-1)).toMatch(
      /^the cause: .*because the text says “Application with identifier 'http”$/,
    );
    const guid = saml.replace("https://sso.contoso.example/metadata", "0f1e2d3c-0000-4000-8000-00000000d001");
    const [g] = explain(guid).matches;
    expect(g?.id).toBe("aadsts-700016");
    expect(g?.cause).toBeUndefined();
    expect(g?.description).toBe(explain(guid).matches[0]?.description);
  });

  it("the password flow with MFA gets interactive or device code advice, not the generic MFA text", () => {
    const ropc =
      "MsalUiRequiredException: AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.\n   at Microsoft.Identity.Client.PublicClientApplication.AcquireTokenByUsernamePassword(IEnumerable`1 scopes, String username, String password)";
    const [top] = explain(ropc).matches;
    expect(top?.cause?.id).toBe("password-flow-needs-mfa");
    expect(top?.mitigation).toMatch(/device code/);
    const interactive = explain(ropc.replace(/\n.*$/, "")).matches[0];
    expect(interactive?.id).toBe("aadsts-50076");
    expect(interactive?.cause).toBeUndefined();
  });

  it("a missing resource in a national cloud's tenant is the cloud mismatch, not a missing subscription", () => {
    const china =
      "invalid_resource: AADSTS500011: The resource principal named https://management.azure.com was not found in the tenant named Fabrikam China. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant. Trace ID: 6a1d2f30-0000-4000-8000-00000000aa01 Correlation ID: 6a1d2f30-0000-4000-8000-00000000aa02 Timestamp: 2024-06-10 13:33:30Z. (https://login.partner.microsoftonline.cn/error?code=500011)";
    const [top] = explain(china).matches;
    expect(top?.cause?.id).toBe("resource-of-another-cloud");
    expect(top?.mitigation).toMatch(/management\.chinacloudapi\.cn/);
    // The same refusal in the global cloud keeps the subscription cause.
    const global = china.replace("login.partner.microsoftonline.cn", "login.microsoftonline.com");
    expect(explain(global).matches[0]?.cause?.id).toBe("azure-management-no-subscription");
  });

  it("a service refusing a token for another audience is its own entry", () => {
    const text =
      "azure.core.exceptions.ClientAuthenticationError: (InvalidAuthenticationTokenAudience) The access token has been obtained for wrong audience or resource 'https://management.core.windows.net/'. It should exactly match with one of the allowed audiences 'https://management.core.usgovcloudapi.net/','https://management.usgovcloudapi.net'.";
    const [top] = explain(text).matches;
    expect(top?.id).toBe("token-audience-rejected");
    expect(top?.mitigation).toMatch(/credential_scopes/);
  });

  it("between two phrase matches of one score, the error's own sentence beats a keyword", () => {
    const text = [
      "[Tue, 04 Mar 2025 09:12:40 GMT] : @azure/msal-node@2.6.4 : Error - A non-MSALJS error was thrown while attempting to get the cloud instance discovery metadata.",
      "Error: Error",
      "Error Description: Error: certificate has expired",
    ].join("\n");
    const [top, next] = explain(text).matches;
    expect(top?.id).toBe("msal-network-error");
    expect(next?.id).toBe("tls-interception");
    expect(top?.score).toBe(next?.score);
  });

  it("a cause written once for several codes gives each code's own lookup link (the Azure CLI's scoped sign-in)", () => {
    const text = [
      "ERROR: AADSTS50158: External security challenge not satisfied. User will be redirected to another page or authentication provider to satisfy additional authentication challenges.",
      "Trace ID: 0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
      "Interactive authentication is needed. Please run:",
      "az login --scope https://graph.microsoft.com//.default",
    ].join("\n");
    const [top] = explain(text).matches;
    expect(top?.cause?.id).toBe("azure-cli-asks-for-scoped-login");
    expect(top?.mitigation).toContain("az login --scope https://graph.microsoft.com//.default");
    expect(top?.mitigation).toContain("https://login.microsoftonline.com/error?code=50158");
    const [mfa] = explain(
      text.replace(
        "AADSTS50158: External security challenge not satisfied. User will be redirected to another page or authentication provider to satisfy additional authentication challenges.",
        "AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication.",
      ),
    ).matches;
    expect(mfa?.cause?.id).toBe("azure-cli-asks-for-scoped-login");
    expect(mfa?.mitigation).toContain("https://login.microsoftonline.com/error?code=50079");
    expect(mfa?.mitigation).not.toContain("code=50158");
  });

  it("a malformed assertion after GitHub refused the workflow its OIDC token gets the id-token permission", () => {
    const text = [
      "Error:  Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable. Please make sure to give write permissions to id-token in the workflow.",
      "Error: : AADSTS50027: JWT token is invalid or malformed.",
      "Trace ID: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    ].join("\n");
    const [top] = explain(text).matches;
    expect(top?.cause?.id).toBe("github-oidc-token-not-requested");
    expect(top?.mitigation).toContain("id-token: write");
  });

  it("AADSTS700016 from the Bot Framework tenant is a single-tenant bot configured as multi-tenant", () => {
    const text =
      "[OnTurnError] Unhandled error: Failed to acquire token for client credentials. (AADSTS700016: Application with identifier '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' was not found in the directory 'Bot Framework'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.";
    const [top] = explain(text).matches;
    expect(top?.cause?.id).toBe("bot-single-tenant-app-asked-of-bot-framework");
    expect(top?.mitigation).toMatch(/MicrosoftAppType.*SingleTenant/);
  });

  it("an unsupported prompt value gets its own cause; go-autorest's unreachable MSI endpoint is not App Service's", () => {
    const prompt = explain(
      "AADSTS90023: Unsupported 'prompt' value.\nTrace ID: 2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182",
    ).matches[0];
    expect(prompt?.cause?.id).toBe("unsupported-prompt-value");
    const autorest =
      'level=error msg="azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscriptions/x: StatusCode=0 -- Original Error: the MSI endpoint is not available. Failed HTTP request to MSI endpoint: Get \\"http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01\\": dial tcp 169.254.169.254:80: i/o timeout"';
    expect(explain(autorest).matches[0]?.id).toBe("managed-identity-vm-no-response");
  });

  it("Docker Desktop's 403 for the metadata address is not a role problem", () => {
    const text = [
      "DefaultAzureCredential authentication failed",
      "GET http://169.254.169.254/metadata/identity/oauth2/token",
      "--------------------------------------------------------------------------------",
      "RESPONSE 403 connecting to 169.254.169.254:80: connecting to 169.254.169.254:80: dial tcp 169.254.169.254:80: connectex: A socket operation was attempted to an unreachable network.",
      "--------------------------------------------------------------------------------",
    ].join("\n");
    const [top] = explain(text).matches;
    expect(top?.id).toBe("imds-unreachable-off-azure");
    expect(top?.mitigation).toContain("Docker Desktop");
  });

  it("Terraform falling back to an Azure CLI that is not signed in gets the provider's own sign-in settings", () => {
    const text =
      "Error: unable to build authorizer for Resource Manager API: could not configure AzureCli Authorizer: obtaining subscription ID: obtaining account details: running Azure CLI: exit status 1: ERROR: Please run 'az login' to setup account.";
    const [top] = explain(text).matches;
    expect(top?.id).toBe("azure-cli-login-required");
    expect(top?.cause?.id).toBe("terraform-provider-fell-back-to-cli");
    expect(top?.mitigation).toContain("ARM_USE_OIDC");
    // The same CLI failure from an SDK keeps the entry's own advice.
    const sdk = explain("AzureCliCredential: Please run 'az login' to set up an account").matches[0];
    expect(sdk?.id).toBe("azure-cli-login-required");
    expect(sdk?.cause).toBeUndefined();
  });

  it("a tool's summary line (a wrapper entry) gives way to the wrapped error's own match, at full confidence", () => {
    const sqlclient = [
      "Microsoft.Data.SqlClient.SqlException (0x80131904): Failed to authenticate the user  in Active Directory (Authentication=ActiveDirectoryInteractive).",
      "Error code 0xunknown_broker_error",
      "Failed to acquire access token for user: Unknown Status: Unexpected",
    ].join("\n");
    const [top, next] = explain(sqlclient).matches;
    expect(top?.id).toBe("windows-broker-sign-in-failed");
    expect(top?.confidence).toBe("high");
    expect(next?.id).toBe("sql-driver-entra-sign-in-failed");
    const alone =
      "com.microsoft.sqlserver.jdbc.SQLServerException: Failed to authenticate the user app@contoso.example in Active Directory (Authentication=ActiveDirectoryPassword).";
    expect(explain(alone).matches[0]?.id).toBe("sql-driver-entra-sign-in-failed");
  });

  it("a failure inside the library itself is a version problem, in the reader's SDK's terms", () => {
    const python = [
      "Traceback (most recent call last):",
      '  File "/opt/tool/session.py", line 107, in __init__',
      "    account = _run_command('az account show --output json', timeout=10)",
      '  File "/opt/tool/.venv/lib/python3.11/site-packages/azure/identity/_credentials/azure_cli.py", line 241, in _run_command',
      "    args = [az_path] + command_args",
      'TypeError: can only concatenate list (not "str") to list',
    ].join("\n");
    const [top] = explain(python).matches;
    expect(top?.id).toBe("library-version-conflict");
    expect(top?.mitigation).toMatch(/python -m pip install --upgrade azure-identity/);
    const java =
      "java.lang.NoSuchMethodError: 'com.nimbusds.oauth2.sdk.http.HTTPRequest com.nimbusds.oauth2.sdk.http.HTTPRequest.setReadTimeout(int)'\n\tat com.microsoft.aad.msal4j.HttpHelper.executeHttpRequest(HttpHelper.java:52)";
    const [javaTop] = explain(java).matches;
    expect(javaTop?.id).toBe("library-version-conflict");
    expect(javaTop?.mitigation).toMatch(/mvn dependency:tree/);
  });

  it("a redirect URI mismatch on Microsoft's own app says it cannot be changed", () => {
    const text =
      "AADSTS50011: The redirect URI 'http://localhost:8400' specified in the request does not match the redirect URIs configured for the application '04b07795-8ddb-461a-bbee-02f9e1bf7b46'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.";
    const [top] = explain(text).matches;
    expect(top?.cause?.id).toBe("microsoft-first-party-app");
    expect(top?.mitigation).toMatch(/cannot change Microsoft's app/);
  });

  it("a redirect URI mismatch tells a local development URI from an http URI built behind a proxy", () => {
    const mismatch = (uri: string) =>
      `AADSTS50011: The redirect URI '${uri}' specified in the request does not match the redirect URIs configured for the application '6a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9'.`;
    expect(explain(mismatch("http://localhost:5173/auth")).matches[0]?.cause?.id).toBe(
      "localhost-redirect-not-registered",
    );
    const proxied = explain(mismatch("http://wiki.contoso.example/oauth2/callback")).matches[0];
    expect(proxied?.cause?.id).toBe("http-redirect-behind-proxy");
    expect(proxied?.mitigation).toMatch(/X-Forwarded-Proto/);
    // An https URI that is simply not registered keeps the code's general advice.
    expect(
      explain(mismatch("https://wiki.contoso.example/oauth2/callback")).matches[0]?.cause,
    ).toBeUndefined();
  });

  it("a chain that lists one credential is told by that credential's own failure", () => {
    // The tab before the member is lost, as a rendered Markdown paste loses it.
    const one =
      "DefaultAzureCredential: failed to acquire a token. \nAttempted credentials: \nManagedIdentityCredential: managed identity timed out\n";
    const ex = explain(one);
    expect(ex.parsed.chain?.map((m) => m.credential)).toEqual(["ManagedIdentityCredential"]);
    expect(ex.matches[0]?.id).toBe("dac-managed-identity-timed-out");
    expect(ex.matches.map((m) => m.id)).toContain("dac-failed-to-acquire-token");
    // A lone developer-tool member is what is left of a longer chain: the chain's entry stays first.
    const cli =
      "DefaultAzureCredential: failed to acquire a token.\nAttempted credentials:\n\tAzureCLICredential: Azure CLI not found on path\n";
    expect(explain(cli).matches[0]?.id).toBe("dac-failed-to-acquire-token");
  });

  it("a guess from a host hint or a credential name alone is a low-confidence possible cause", () => {
    const ex = explain("ClientSecretCredential: something unexpected happened at 10:42");
    const [top] = ex.matches;
    expect(top?.confidence).toBe("low");
    expect(ex.summary).toContain("possible cause: ");
    expect(render(ex, { format: "text" })).toMatch(/^Possible cause: /);
    expect(render(ex, { format: "markdown" })).toMatch(/^## Possible cause: /m);
    const sure = explain(
      "AADSTS7000222: The provided client secret keys for app '5e6f7a8b-0000-4000-8000-00000000e001' are expired.",
    );
    expect(sure.matches[0]?.confidence).toBe("high");
    expect(render(sure, { format: "text" })).not.toContain("Possible cause");
  });

  it("a chain member that got an answer decides the top match; the chain entry follows", () => {
    const chain = `DefaultAzureCredential failed to retrieve a token from the included credentials.
- EnvironmentCredential authentication unavailable. Environment variables are not fully configured.
- ManagedIdentityCredential authentication failed. Status: 400 (Bad Request)
Content:
{"error":"invalid_request","error_description":"Identity not found"}`;
    const ex = explain(chain);
    expect(ex.matches[0]?.id).toBe("managed-identity-vm-identity-not-assigned");
    expect(ex.matches[0]?.reasons[0]).toBe("ManagedIdentityCredential decided the chain");
    expect(ex.matches.map((m) => m.id)).toContain("dac-failed-to-acquire-token");
    expect(ex.summary).toMatch(/Managed identity not assigned/);
    // Every member merely unavailable: the chain's own entry.
    const unavailable = `DefaultAzureCredential failed to retrieve a token from the included credentials.
- EnvironmentCredential authentication unavailable. Environment variables are not fully configured.
- ManagedIdentityCredential authentication unavailable. No Managed Identity endpoint found.
- AzureCliCredential authentication unavailable. Azure CLI not installed`;
    expect(explain(unavailable).matches[0]?.id).toBe("dac-failed-to-acquire-token");
  });
});

describe("the candidates ranking scores are all the entries that can score", () => {
  it("on every fixture and corpus text: the same matches as scoring every catalog entry, chain members too", () => {
    const texts = loadFixtures().map((f) => f.text);
    const corpus = new URL("./corpus/cases/", import.meta.url).pathname;
    for (const f of readdirSync(corpus)) if (f.endsWith(".txt")) texts.push(readFileSync(corpus + f, "utf8"));
    let matched = 0;
    for (const t of texts) {
      const { parsed, text } = parseWithText(t);
      const got = rank(parsed, { text, limit: 50 });
      matched += got.length;
      expect(got).toEqual(rankEveryEntry(parsed, { text, limit: 50 }));
      for (const member of parsed.chain ?? [])
        expect(rank(member, { limit: 50 })).toEqual(rankEveryEntry(member, { limit: 50 }));
    }
    expect(matched).toBeGreaterThan(texts.length);
  });
});
