import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explain, MAX_BONUS, match, type ParsedAuthError, parse, SCORES } from "../src/index.js";

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
  it("AADSTS700016 under ClientCertificateCredential picks the certificate row, not the secret row", () => {
    expect(ids(block("ClientCertificateCredential", 700016)).slice(0, 2)).toEqual([
      "client-certificate-app-not-found",
      "client-secret-app-not-found",
    ]);
  });
  it("AADSTS700016 under ClientSecretCredential picks the secret row", () => {
    expect(ids(block("ClientSecretCredential", 700016))[0]).toBe("client-secret-app-not-found");
  });
  it("AADSTS700016 with no credential offers both rows, the guide's first row first", () => {
    expect(ids("AADSTS700016: Application with identifier 'x' was not found").slice(0, 2)).toEqual([
      "client-secret-app-not-found",
      "client-certificate-app-not-found",
    ]);
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
