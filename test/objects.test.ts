/**
 * Error objects built with the real classes of @azure/identity, @azure/msal-node and
 * @azure/core-rest-pipeline: explain(err) must read their own fields and do at least as well as the
 * error's text (String(err) and err.stack).
 */

import { RestError } from "@azure/core-rest-pipeline";
import {
  AggregateAuthenticationError,
  AuthenticationError,
  AuthenticationRequiredError,
  CredentialUnavailableError,
} from "@azure/identity";
import { InteractionRequiredAuthError, ServerError } from "@azure/msal-node";
import { describe, expect, it } from "vitest";
import { explain, type ParsedAuthError, parse } from "../src/index.js";

const TRACE = "4f1e2d3c-0b9a-4877-8665-544332211000";
const CORR = "9a8b7c6d-5e4f-4321-8fed-cba987654321";
const TS = "2025-03-04 05:06:07Z";
const description = (code: number, text: string) =>
  `AADSTS${code}: ${text}\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORR}\r\nTimestamp: ${TS}`;
const msalString = (code: number, text: string) =>
  `Error(s): ${code} - Timestamp: ${TS} - Description: ${description(code, text)} - Correlation ID: ${CORR} - Trace ID: ${TRACE}`;

const CONTRACT = ["codes", "traceId", "correlationId", "timestamp", "error"] as const;
const pickContract = (p: ParsedAuthError) => Object.fromEntries(CONTRACT.map((k) => [k, p[k]]));

function expectSameAsText(err: Error, top: string): ParsedAuthError {
  const fromObject = explain(err);
  expect(fromObject.matches[0]?.id).toBe(top);
  for (const text of [String(err), err.stack ?? ""]) {
    const fromText = explain(text);
    expect(fromText.matches[0]?.id, text.slice(0, 80)).toBe(top);
    // The object must know at least what its text says.
    for (const [k, v] of Object.entries(pickContract(fromText.parsed)))
      if (v !== undefined && !(Array.isArray(v) && v.length === 0))
        expect(fromObject.parsed[k as keyof ParsedAuthError], k).toEqual(v);
  }
  return fromObject.parsed;
}

describe("@azure/identity AuthenticationError", () => {
  const err = new AuthenticationError(401, {
    error: "invalid_client",
    error_description: description(7000215, "Invalid client secret provided."),
    error_codes: [7000215],
    timestamp: TS,
    trace_id: TRACE,
    correlation_id: CORR,
  });
  it("is explained from its errorResponse and statusCode as well as from its text", () => {
    const p = expectSameAsText(err, "client-secret-invalid");
    expect(p).toMatchObject({
      error: "invalid_client",
      codes: [7000215],
      status: 401,
      traceId: TRACE,
      correlationId: CORR,
      timestamp: "2025-03-04T05:06:07Z",
      exception: "AuthenticationError",
      sdk: "js",
    });
  });
  it("keeps the EnvironmentCredential wrapper's hard-coded 400 flagged as unreliable", () => {
    const wrapper = new AuthenticationError(400, {
      error:
        "EnvironmentCredential authentication failed. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.",
      error_description: `invalid_client: ${msalString(7000215, "Invalid client secret provided.")}`,
    });
    const p = explain(wrapper);
    expect(p.parsed).toMatchObject({
      credential: "EnvironmentCredential",
      status: 400,
      statusReliable: false,
    });
    expect(p.parsed.codes).toEqual([7000215]);
    expect(p.matches[0]?.id).toBe("client-secret-invalid");
  });
});

describe("MSAL errors", () => {
  it("ServerError: errorCode, errorNo and status come from the object", () => {
    const err = new ServerError(
      "invalid_client",
      msalString(
        7000222,
        "The provided client secret keys for app '1b2c3d4e-0000-4aaa-8bbb-111122223333' are expired.",
      ),
      "",
      "7000222",
      401,
    );
    const p = expectSameAsText(err, "client-secret-expired");
    expect(p).toMatchObject({ error: "invalid_client", codes: [7000222], status: 401, sdk: "msal-js" });
  });
  it("InteractionRequiredAuthError: subError, claims and IDs come from the object", () => {
    const err = new InteractionRequiredAuthError(
      "invalid_grant",
      description(
        50076,
        "Due to a configuration change made by your administrator, you must use multi-factor authentication.",
      ),
      "basic_action",
      TS,
      TRACE,
      CORR,
      '{"access_token":{"capolids":{"essential":true,"values":["11111111-2222-4333-8444-555555555555"]}}}',
      "50076",
    );
    const p = parse(err);
    expect(p).toMatchObject({
      error: "invalid_grant",
      suberror: "basic_action",
      codes: [50076],
      traceId: TRACE,
      correlationId: CORR,
      claims: expect.stringContaining("capolids"),
    });
    // The text alone cannot know the sub-error or claims.
    expect(parse(String(err)).suberror).toBeUndefined();
  });
  it("AuthenticationRequiredError wrapping an msal-common message", () => {
    const err = new AuthenticationRequiredError({
      scopes: ["https://vault.azure.net/.default"],
      message: `invalid_client: ${msalString(700016, "Application with identifier '2c3d4e5f-1111-4bbb-8ccc-222233334444' was not found in the directory 'Contoso'.")}`,
    });
    const p = expectSameAsText(err, "aadsts-700016");
    expect(p).toMatchObject({ sdk: "js", codes: [700016], clientId: "2c3d4e5f-1111-4bbb-8ccc-222233334444" });
  });
});

describe("chains and wrappers", () => {
  it("AggregateAuthenticationError.errors become the chain", () => {
    const err = new AggregateAuthenticationError(
      [
        new CredentialUnavailableError(
          "EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.",
        ),
        new CredentialUnavailableError(
          "ManagedIdentityCredential: Authentication failed. Message Attempted to use the IMDS endpoint, but it is not available.",
        ),
        new CredentialUnavailableError(
          "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
        ),
      ],
      "ChainedTokenCredential authentication failed.",
    );
    const ex = explain(err);
    expect(ex.parsed.credential).toBe("ChainedTokenCredential");
    expect(ex.parsed.chain?.map((m) => m.credential)).toEqual([
      "EnvironmentCredential",
      "ManagedIdentityCredential",
      // Its line does not name it; the wording does.
      "AzureCliCredential",
    ]);
    expect(ex.matches[0]?.id).toBe("dac-failed-to-acquire-token");
    expect(explain(String(err)).parsed.chain?.map((m) => m.credential)).toEqual(
      ex.parsed.chain?.map((m) => m.credential),
    );
  });
  it("a RestError's statusCode and code make a permission problem", () => {
    const err = new RestError(
      "The client does not have authorization to perform action 'Microsoft.KeyVault/vaults/read'.",
      {
        statusCode: 403,
        code: "AuthorizationFailed",
      },
    );
    const p = explain(err);
    expect(p.parsed).toMatchObject({ status: 403, serviceError: { code: "AuthorizationFailed" } });
    expect(p.matches[0]?.id).toBe("permission-issues");
  });
  it("a cause chain is followed", () => {
    const inner = new AuthenticationError(400, {
      error: "invalid_grant",
      error_description: description(
        50126,
        "Error validating credentials due to invalid username or password.",
      ),
      error_codes: [50126],
    });
    const err = new Error("could not load configuration", { cause: inner });
    const p = explain(err);
    expect(p.parsed).toMatchObject({ codes: [50126], error: "invalid_grant", status: 400 });
    expect(p.matches[0]?.id).toBe("username-password-invalid");
  });
});
