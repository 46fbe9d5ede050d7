/**
 * explainingCredential with credentials made here: what a success, a failure, a non-Error throw and a
 * second wrapper do. The error classes are the real ones from @azure/identity; the failures against the
 * real credentials and the local Entra stand-in are in identity-real.test.ts.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { AuthenticationError, ChainedTokenCredential, CredentialUnavailableError } from "@azure/identity";
import { describe, expect, it, vi } from "vitest";
import { explainingCredential, explanationOf } from "../src/identity.js";
import { explain } from "../src/index.js";

const TRACE = "3f1c2a9e-6b7d-4e21-9a4c-5d8e7f6a0b13";
const CORRELATION = "a7b8c9d0-1e2f-4a3b-8c4d-5e6f7a8b9c0d";

/** What Entra's token endpoint sends for an expired secret (IDs invented). */
function expiredSecretError(): AuthenticationError {
  return new AuthenticationError(401, {
    error: "invalid_client",
    error_description: `AADSTS7000222: The provided client secret keys for app '0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2025-03-14 09:26:53Z`,
    error_codes: [7000222],
    timestamp: "2025-03-14 09:26:53Z",
    trace_id: TRACE,
    correlation_id: CORRELATION,
    error_uri: "https://login.microsoftonline.com/error?code=7000222",
  });
}

const token: AccessToken = { token: "fake-access-token", expiresOnTimestamp: Date.now() + 3_600_000 };

function failing(error: unknown): TokenCredential & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    getToken(scopes: string | string[], options?: GetTokenOptions) {
      calls.push([scopes, options]);
      return Promise.reject(error);
    },
  };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("explainingCredential on success", () => {
  it("resolves with the credential's own token object and passes scopes and options through", async () => {
    const inner = { getToken: vi.fn(async () => token) };
    const options = { tenantId: "contoso.onmicrosoft.com", claims: "e30=" };
    const got = await explainingCredential(inner).getToken(["https://vault.azure.net/.default"], options);
    expect(got).toBe(token);
    expect(inner.getToken).toHaveBeenCalledWith(["https://vault.azure.net/.default"], options);
  });

  it("passes a null token through", async () => {
    const inner: TokenCredential = { getToken: async () => null };
    expect(await explainingCredential(inner).getToken("scope")).toBeNull();
  });
});

describe("explainingCredential on failure", () => {
  it("rethrows the same object, class kept, with its explanation attached but not enumerable", async () => {
    const error = expiredSecretError();
    const before = error.message;
    const caught = await rejection(explainingCredential(failing(error)).getToken("scope"));
    expect(caught).toBe(error);
    expect(caught).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe(before);
    const ex = explanationOf(error);
    expect(ex?.matches[0]?.id).toBe("client-secret-expired");
    expect(ex?.parsed).toMatchObject({ codes: [7000222], traceId: TRACE, correlationId: CORRELATION });
    expect((error as unknown as { explanation: unknown }).explanation).toBe(ex);
    expect(Object.keys(error)).not.toContain("explanation");
    // The SDK's advice by default: the explanation is the one explain() gives for JavaScript.
    expect(ex?.matches[0]?.mitigation).toBe(explain(error, { sdk: "js" }).matches[0]?.mitigation);
  });

  it("appends the summary and the top link once, to the message and the head of the stack", async () => {
    const error = expiredSecretError();
    const before = error.message;
    const twice = explainingCredential(explainingCredential(failing(error), { appendSummary: true }), {
      appendSummary: true,
    });
    await rejection(twice.getToken("scope"));
    const ex = explanationOf(error);
    const link = ex?.matches[0]?.links[0]?.url;
    expect(link).toMatch(/^https:\/\//);
    expect(error.message).toBe(`${before}\naadsts: ${ex?.summary.replace(/\.$/, "")}. See ${link}`);
    expect(error.message.match(/\naadsts: /g)).toHaveLength(1);
    expect(ex?.summary).toContain("Expired client secret (client-secret-expired)");
    expect(error.stack?.startsWith(`AuthenticationError: ${error.message}\n`)).toBe(true);
    // A second failure of the same error object through the same wrapper adds nothing.
    await rejection(twice.getToken("scope"));
    expect(error.message.match(/\naadsts: /g)).toHaveLength(1);
  });

  it("leaves an unrecognised error's message alone even with appendSummary", async () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'token')");
    await rejection(explainingCredential(failing(error), { appendSummary: true }).getToken("scope"));
    expect(error.message).toBe("Cannot read properties of undefined (reading 'token')");
    expect(explanationOf(error)?.matches).toEqual([]);
  });

  it("points a code the catalog lacks at Microsoft's lookup page", async () => {
    const error = new Error("AADSTS9999999: Something nobody has seen.");
    await rejection(explainingCredential(failing(error), { appendSummary: true }).getToken("scope"));
    expect(error.message).toMatch(
      /^AADSTS9999999: Something nobody has seen\.\naadsts: .*AADSTS9999999 is not in the aadsts catalog\. See https:\/\/login\.microsoftonline\.com\/error\?code=9999999$/,
    );
  });

  it("calls onExplanation with the explanation and the error, and ignores what it throws", async () => {
    const error = expiredSecretError();
    const seen: Array<[string | undefined, unknown]> = [];
    const wrapped = explainingCredential(failing(error), {
      onExplanation(ex, err) {
        seen.push([ex.matches[0]?.id, err]);
        throw new Error("a broken logger");
      },
    });
    expect(await rejection(wrapped.getToken("scope"))).toBe(error);
    expect(seen).toEqual([["client-secret-expired", error]]);
  });

  it("uses the SDK and catalog it is given", async () => {
    const error = expiredSecretError();
    await rejection(explainingCredential(failing(error), { sdk: "python" }).getToken("scope"));
    const ex = explanationOf(error);
    expect(ex?.matches[0]?.mitigation).toBe(explain(error, { sdk: "python" }).matches[0]?.mitigation);
    expect(ex?.matches[0]?.mitigation).not.toBe(explain(error, { sdk: "js" }).matches[0]?.mitigation);
  });

  it.each([
    ["a string", "token endpoint unreachable"],
    ["null", null],
    ["undefined", undefined],
    ["a number", 401],
  ])("rethrows %s as it is", async (_label, thrown) => {
    const onExplanation = vi.fn();
    const caught = await rejection(
      explainingCredential(failing(thrown), { appendSummary: true, onExplanation }).getToken("scope"),
    );
    expect(caught).toBe(thrown);
    expect(onExplanation).not.toHaveBeenCalled();
  });

  it("turns a synchronous throw into a rejection of the same error", async () => {
    const error = expiredSecretError();
    const inner: TokenCredential = {
      getToken() {
        throw error;
      },
    };
    const p = explainingCredential(inner).getToken("scope");
    expect(p).toBeInstanceOf(Promise);
    expect(await rejection(p)).toBe(error);
    expect(explanationOf(error)?.matches[0]?.id).toBe("client-secret-expired");
  });

  it("rethrows a frozen error untouched", async () => {
    const error = Object.freeze(expiredSecretError());
    const caught = await rejection(
      explainingCredential(failing(error), { appendSummary: true }).getToken("scope"),
    );
    expect(caught).toBe(error);
    expect(explanationOf(error)).toBeUndefined();
  });
});

describe("explainingCredential inside ChainedTokenCredential", () => {
  it("lets the chain go on past an unavailable member and stop at a failing one", async () => {
    const unavailable = new CredentialUnavailableError("EnvironmentCredential is unavailable.");
    const ok: TokenCredential = { getToken: async () => token };
    const chain = new ChainedTokenCredential(explainingCredential(failing(unavailable)), ok);
    expect(await chain.getToken("scope")).toBe(token);
    expect(explanationOf(unavailable)).toBeDefined();

    const failed = expiredSecretError();
    const stopping = new ChainedTokenCredential(explainingCredential(failing(failed)), ok);
    expect(await rejection(stopping.getToken("scope"))).toBe(failed);
  });
});
