import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explain, FORMATS, parse, REDACTED, redact, render, scanAll } from "../src/index.js";

// Every secret below is invented for the test.
const JWT =
  "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3ZhdWx0LmF6dXJlLm5ldCIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLWZvci10ZXN0cy1vbmx5LW5vdC1yZWFs";
// 40 characters, the shape Entra issues: 3 characters, a digit, "Q~", 34 more.
const ENTRA_SECRET = "Abc8Q~zYxWvUtSrQpOnMlKjIhGfEdCbA012345_.";
const SECRETS = {
  jwt: JWT,
  bearer: "Zm9vYmFyYmF6cXV4cXV1eA",
  form: "s3cr3t-form-value-123",
  json: "json-secret-value-456",
  pyrepr: "python-secret-789",
  sig: "sv2Xq%2Bk8FAKEsignature%3D",
  accountKey: "bm90LWEtcmVhbC1rZXktanVzdC1mb3ItdGVzdHM=",
  password: "P@ssw0rd-not-real",
  header: "f4k3-h34d3r-v4lu3-000111",
  entra: ENTRA_SECRET,
  pem: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7FAKEKEYDATA",
  // A secret value a log cut short or padded: the Entra shape with a 36-character tail.
  entraLoose: "Qx78Q~aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
  refresh: "0.AXoAbCdEfGhIjKlMnOpQrStUvWxYz-fake-refresh",
  assertion: "client-assertion-not-a-jwt-but-secret",
  sas: "bm90LWEtcmVhbC1zZXJ2aWNlLWJ1cy1rZXk=",
  // HTTP Basic credentials (base64 of an invented user:password).
  basic: "aW52ZW50ZWQ6bm90LWEtcmVhbC1wYXNzd29yZA==",
  proxyBasic: "cHJveHktdXNlcjppbnZlbnRlZC1wcm94eS1wdw==",
  // HTTP Digest: the response hash is derived from the password.
  digest: "5f3c1a9e7b2d4f608e1c3a5b7d9f0e2c",
  // A quoted command-line password with spaces, and PowerShell's plain-text SecureString.
  flagPassword: "correct horse battery 9!",
  secureString: "Pl@in Text-not-real-42",
  // An authorization code in a redirect URL.
  authCode: "0.AXoAQm9ndXMtYXV0aC1jb2RlLWZvci10ZXN0cw",
};

const TEXT = `ClientSecretCredential authentication failed. 
POST https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/oauth2/v2.0/token
Authorization: Bearer ${SECRETS.bearer}
access token ${SECRETS.jwt}
body: grant_type=client_credentials&client_id=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee&client_secret=${SECRETS.form}&scope=x
{"client_secret": "${SECRETS.json}", "error": "invalid_client"}
{'password': '${SECRETS.pyrepr}'}
https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=${SECRETS.sig}&se=2025
DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${SECRETS.accountKey};EndpointSuffix=core.windows.net
AZURE_PASSWORD=${SECRETS.password}
X-IDENTITY-HEADER: ${SECRETS.header}
Authorization: Basic ${SECRETS.basic}
Proxy-Authorization: Basic ${SECRETS.proxyBasic}
Authorization: Digest username="svc-invented", realm="contoso.example", nonce="a1b2c3d4", uri="/token", response="${SECRETS.digest}"
+ az login --service-principal -u aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee --password="${SECRETS.flagPassword}" --tenant contoso.example
PS> $secret = ConvertTo-SecureString '${SECRETS.secureString}' -AsPlainText -Force
GET https://app.contoso.example/signin-oidc?code=${SECRETS.authCode}&state=a1b2c3&session_state=d4e5f6
AZURE_CLIENT_SECRET value was ${SECRETS.entra}
secret in config: ${SECRETS.entraLoose}
grant_type=refresh_token&refresh_token=${SECRETS.refresh}&client_assertion=${SECRETS.assertion}&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${SECRETS.sas}
-----BEGIN PRIVATE KEY-----
${SECRETS.pem}
-----END PRIVATE KEY-----
--------------------------------------------------------------------------------
RESPONSE 401: 401 Unauthorized
--------------------------------------------------------------------------------
AADSTS7000215: Invalid client secret provided.
Trace ID: 0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d
Correlation ID: 5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f
Timestamp: 2025-01-15 10:20:30Z`;

describe("redact", () => {
  const { text, count } = redact(TEXT);
  it.each(Object.entries(SECRETS))("removes the %s secret", (_name, secret) => {
    expect(text).not.toContain(secret);
  });
  it("keeps field names, IDs, codes and timestamps", () => {
    expect(count).toBeGreaterThanOrEqual(Object.keys(SECRETS).length);
    for (const kept of [
      `client_secret=${REDACTED}`,
      `"client_secret": "${REDACTED}"`,
      `'password': '${REDACTED}'`,
      `sig=${REDACTED}`,
      `AccountKey=${REDACTED}`,
      `Bearer ${REDACTED}`,
      `X-IDENTITY-HEADER: ${REDACTED}`,
      `Authorization: Basic ${REDACTED}`,
      `Proxy-Authorization: Basic ${REDACTED}`,
      `Authorization: Digest ${REDACTED}`,
      `--password="${REDACTED}" --tenant contoso.example`,
      `ConvertTo-SecureString '${REDACTED}' -AsPlainText`,
      `signin-oidc?code=${REDACTED}&state=a1b2c3`,
      `refresh_token=${REDACTED}`,
      `client_assertion=${REDACTED}`,
      "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      `SharedAccessKey=${REDACTED}`,
      "SharedAccessKeyName=RootManageSharedAccessKey",
      "client_id=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
      "-----BEGIN PRIVATE KEY-----",
      "AADSTS7000215",
      "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
      "5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f",
      "2025-01-15 10:20:30Z",
      "https://login.microsoftonline.com/error?code=7000215".slice(0, 10),
    ])
      expect(text).toContain(kept);
  });
  it("keeps what only looks like a secret flag: ports, variables, --password-stdin, short codes", () => {
    for (const kept of [
      "docker run -p 8080:80 image",
      "Connect-AzAccount -ServicePrincipal -Credential $cred -Password $secret",
      "docker login --password-stdin",
      "https://login.microsoftonline.com/error?code=7000215",
      "error_code=50076&code=42",
      "ERROR: --password no longer accepts a service principal certificate.",
      "invocation of azure-native:authorization:getClientConfig returned an error",
    ])
      expect(redact(kept)).toEqual({ text: kept, count: 0 });
    // A header written without a space after its colon still loses a credential-length value.
    expect(redact("Authorization:dXNlcjpwYXNzd29yZGxvbmdlbm91Z2g=").text).toBe(`Authorization:${REDACTED}`);
    expect(redact("az login -u me@contoso.example -p 'Sup3r Secret'").text).toBe(
      `az login -u me@contoso.example -p '${REDACTED}'`,
    );
  });
  it("keeps prose after the word Bearer, and still removes short or word-like tokens that are not prose", () => {
    const prose =
      "AADSTS700002: SAML 1.1 Bearer assertion must be a valid Base64 encoded value. Use Bearer Token auth.";
    expect(redact(prose)).toEqual({ text: prose, count: 0 });
    for (const token of ["abcDEF12", "opaquetokenvaluewithoutdigits", "Zm9vYmFyYmF6"])
      expect(redact(`Authorization: Bearer ${token}`).text).toBe(`Authorization: Bearer ${REDACTED}`);
  });

  it("leaves text without secrets unchanged", () => {
    const guide = readFileSync(new URL("../examples/guide-client-secret.txt", import.meta.url), "utf8");
    expect(redact(guide)).toEqual({ text: guide, count: 0 });
  });
  it("handles an unterminated PEM block by cutting to the end", () => {
    const r = redact(`x\n-----BEGIN RSA PRIVATE KEY-----\n${SECRETS.pem}`);
    expect(r.text).not.toContain(SECRETS.pem);
  });
});

describe("no output format echoes a secret", () => {
  const ex = explain(TEXT);
  it("parse flags the redaction and keeps the fields", () => {
    expect(ex.parsed.redacted).toBe(true);
    expect(ex.parsed).toMatchObject({
      credential: "ClientSecretCredential",
      codes: [7000215],
      traceId: "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
      status: 401,
    });
  });
  it.each(FORMATS)("%s", (format) => {
    const out = render(ex, { format });
    for (const secret of Object.values(SECRETS)) expect(out).not.toContain(secret);
  });
  it("scan hits and the CLI's NDJSON", async () => {
    const { hits } = await scanAll([`2025-01-15T10:20:30Z ERROR ${TEXT}\n`]);
    expect(hits.length).toBeGreaterThan(0);
    const out = JSON.stringify(hits);
    for (const secret of Object.values(SECRETS)) expect(out).not.toContain(secret);
    expect(out).toContain("0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
  });
  it("redaction can be turned off explicitly", () => {
    expect(JSON.stringify(parse(TEXT, { redact: false }))).not.toContain(REDACTED);
  });
});
