import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explain, FORMATS, parse, redact, render } from "../src/index.js";
import { MAX_MESSAGE_LENGTH } from "../src/parse/fields.js";
import { MAX_INPUT_LENGTH } from "../src/parse/index.js";
import { ParsedAuthErrorSchema } from "../src/schema.js";

const guide = readFileSync(new URL("../examples/guide-client-secret.txt", import.meta.url), "utf8");

const BODY = {
  error: "invalid_client",
  error_description:
    "AADSTS7000222: The provided client secret keys for app 'c0ffee00-1111-4222-8333-444455556666' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret.\r\nTrace ID: 1a2b3c4d-0000-4111-8222-933344445555\r\nCorrelation ID: 9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\r\nTimestamp: 2025-06-01 08:09:10Z",
  error_codes: [7000222],
  timestamp: "2025-06-01 08:09:10Z",
  trace_id: "1a2b3c4d-0000-4111-8222-933344445555",
  correlation_id: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
  error_uri: "https://login.microsoftonline.com/error?code=7000222",
};

describe("the guide's own example", () => {
  it("yields every field the issue names", () => {
    const p = parse(guide);
    expect(p).toMatchObject({
      credential: "ClientSecretCredential",
      request: {
        method: "POST",
        url: "https://login.microsoftonline.com/3c631bb7-a9f7-4343-a5ba-a615913/oauth2/v2.0/token",
      },
      tenant: "3c631bb7-a9f7-4343-a5ba-a615913",
      status: 401,
      statusText: "Unauthorized",
      error: "invalid_client",
      codes: [7000215],
      traceId: "03da4b8e-5ffe-48ca-9754-aff4276f0100",
      correlationId: "7b12f9bb-2eef-42e3-ad75-eee69ec9088d",
      timestamp: "2022-03-02T18:25:26Z",
      errorUri: "https://login.microsoftonline.com/error?code=7000215",
    });
  });

  it("reads both Go status-line forms the same way", () => {
    const newer = guide
      .replace(
        "ClientSecretCredential authentication failed",
        "ClientSecretCredential authentication failed. ",
      )
      .replace("RESPONSE 401 Unauthorized", "RESPONSE 401: 401 Unauthorized");
    expect(parse(newer)).toEqual(parse(guide));
  });

  it("reads a compact body like a pretty one", () => {
    const compact = guide.replace(/\{[\s\S]*\}/, (body) => JSON.stringify(JSON.parse(body)));
    expect(parse(compact)).toEqual(parse(guide));
  });
});

describe("token endpoint bodies", () => {
  const expected = {
    error: "invalid_client",
    codes: [7000222],
    traceId: BODY.trace_id,
    correlationId: BODY.correlation_id,
    timestamp: "2025-06-01T08:09:10Z",
    errorUri: BODY.error_uri,
    clientId: "c0ffee00-1111-4222-8333-444455556666",
  };
  it("as an object", () => expect(parse(BODY)).toMatchObject(expected));
  it("as JSON text, pretty or compact", () => {
    expect(parse(JSON.stringify(BODY))).toMatchObject(expected);
    expect(parse(JSON.stringify(BODY, null, 4))).toMatchObject(expected);
  });
  it("cut off mid-way, as truncated logs are", () => {
    const cut = JSON.stringify(BODY, null, 2).slice(0, -60);
    expect(parse(cut)).toMatchObject({ error: "invalid_client", codes: [7000222], traceId: BODY.trace_id });
  });
  it("with suberror and claims", () => {
    const p = parse({
      ...BODY,
      error: "invalid_grant",
      suberror: "basic_action",
      claims: '{"access_token":{}}',
    });
    expect(p.suberror).toBe("basic_action");
    expect(p.claims).toBe('{"access_token":{}}');
  });
  it("prefers the JSON fields over the description's labels", () => {
    const p = parse({ ...BODY, trace_id: "aaaaaaaa-0000-4000-8000-000000000001" });
    expect(p.traceId).toBe("aaaaaaaa-0000-4000-8000-000000000001");
  });
});

describe("plain AADSTS text", () => {
  const lines = [
    "AADSTS700016: Application with identifier '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' was not found in the directory 'Fabrikam'.",
    "Trace ID: 5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
    "Correlation ID: 6e7f8091-2b3c-4d4e-9f50-6b7c8d9e0f1a",
    "Timestamp: 2024-11-05 23:59:01Z",
  ];
  const expected = {
    codes: [700016],
    clientId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    traceId: "5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
    correlationId: "6e7f8091-2b3c-4d4e-9f50-6b7c8d9e0f1a",
    timestamp: "2024-11-05T23:59:01Z",
    message:
      "Application with identifier '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' was not found in the directory 'Fabrikam'.",
  };
  it.each([
    ["real CRLF", lines.join("\r\n")],
    ["real LF", lines.join("\n")],
    ["escaped \\r\\n", lines.join("\\r\\n")],
    ["flattened on one line", lines.join(" ")],
    [
      "inside a log line",
      `2024-11-05T23:59:02.114Z ERROR worker: token request failed: ${lines.join(" ")} (attempt 3)`,
    ],
  ])("%s", (_name, text) => {
    expect(parse(text)).toMatchObject(expected);
  });
});

describe("fields are taken only from the input", () => {
  it("a bare guide literal yields a message and nothing invented", () => {
    expect(parse("Azure CLI not found on path")).toEqual({
      codes: [],
      message: "Azure CLI not found on path",
    });
  });
  it("a domain tenant is reported as printed", () => {
    const p = parse(guide.replace("3c631bb7-a9f7-4343-a5ba-a615913", "contoso.onmicrosoft.com"));
    expect(p.tenant).toBe("contoso.onmicrosoft.com");
  });
  it("a tenant sent with an encoded trailing newline or space is reported without it", () => {
    for (const junk of ["%0A", "%0D%0A", "%20"]) {
      const p = parse(
        `GET https://login.microsoftonline.com/8b1f2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d${junk}/oauth2/v2.0/token\nHTTP Error 400. The request URL is invalid.`,
      );
      expect(p.tenant).toBe("8b1f2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d");
    }
  });
  it("a one-word quoted value in a header is not a log record's message to unwrap", () => {
    const p = parse(
      'HTTP/1.1 401 Unauthorized\nx-ms-diagnostics: 3000003;reason="Invalid audience Uri";category="invalid_client"\n',
    );
    expect(p.status).toBe(401);
    expect(p.error).toBe("invalid_client");
    // A logfmt record whose value is a message is still unwrapped.
    const rec = parse(
      'time="2026-03-01T10:00:00Z" level=error msg="token request failed" error="ClientSecretCredential: AADSTS7000215: Invalid client secret provided."',
    );
    expect(rec.codes).toEqual([7000215]);
    expect(rec.credential).toBe("ClientSecretCredential");
  });
  it("a resource's bearer challenge names the resource's application, not the failing client", () => {
    const p = parse(
      'POST https://graph.microsoft.com/v1.0/$batch\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize",\nclient_id="00000003-0000-0000-c000-000000000000"\nDate: Thu, 04 Jun 2026 19:04:59 GMT\n',
    );
    expect(p.status).toBe(401);
    expect(p.clientId).toBeUndefined();
    // The client's own ID elsewhere in the text is still read.
    const q = parse(
      'WWW-Authenticate: Bearer client_id="00000003-0000-0000-c000-000000000000"\nContent-Type: application/json\n\nrequest failed for client_id=5f0c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
    );
    expect(q.clientId).toBe("5f0c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d");
    // curl and HTTP/2 print the header's name in lower case.
    const h2 = parse(
      '< HTTP/2 401\n< www-authenticate: Bearer realm="", client_id="00000003-0000-0000-c000-000000000000"\n< content-type: application/json\n',
    );
    expect(h2.status).toBe(401);
    expect(h2.clientId).toBeUndefined();
    // The challenge ends at curl's next header line: a client named after it is still read.
    expect(
      parse(
        '< www-authenticate: Bearer client_id="00000003-0000-0000-c000-000000000000"\n< content-type: text/plain\n<\nsign-in failed for client_id=5f0c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
      ).clientId,
    ).toBe("5f0c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d");
  });
  it("reads the code the sign-in page's troubleshooting details print without the AADSTS prefix", () => {
    const page =
      "Troubleshooting details\nError Code: 53003\nRequest Id: 2b7c9e41-5d3a-4f6b-8c1e-0a9d8f7e6c5b\nCorrelation Id: 7e1d2c3b-4a5f-4e6d-9c8b-1a2b3c4d5e6f";
    expect(parse(page).codes).toEqual([53003]);
    // Outside such a block an `Error Code:` number is some other system's.
    expect(parse("Upload failed.\nError Code: 53003\nPlease retry later.").codes).toEqual([]);
  });
  it("reads AADSTS65006's client when a console wrap puts it on the next line", () => {
    const p = parse(
      "AADSTS65006: Resource '00000002-0000-0ff1-ce00-000000000000' had no entitlements matching\nrequired permissions configured on the required resource access for client\n'5f0c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d'. Requested permission IDs: '652390e4-393a-48de-9484-05f9b1212954'.",
    );
    expect(p.clientId).toBe("5f0c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d");
  });
  it("an application's identifier after a bare Error: label gives way to the OAuth error the text names", () => {
    expect(parse('Error: bc_auth_microsoft_check_token - \n"invalid_grant"').error).toBe("invalid_grant");
    // Its own code stays when no standard OAuth error is named.
    expect(parse("Error: request_cannot_be_made: Token request cannot be made").error).toBe(
      "request_cannot_be_made",
    );
    // A labelled MSAL error code is not replaced.
    expect(
      parse("MsalUiRequiredException: ErrorCode: invalid_grant\nerror: interaction_required").error,
    ).toBe("invalid_grant");
  });
  it("no tenant for URLs that are not login hosts", () => {
    const p = parse(
      "GET https://myvault.vault.azure.net/secrets/x\nRESPONSE 403: 403 Forbidden\nERROR CODE: Forbidden\n",
    );
    expect(p.tenant).toBeUndefined();
    expect(p.serviceError).toEqual({ code: "Forbidden" });
  });
  it("trace and correlation IDs only where labelled", () => {
    const p = parse(
      "AADSTS50126: Error validating credentials. request 11111111-2222-4333-8444-555555555555",
    );
    expect(p.traceId).toBeUndefined();
    expect(p.correlationId).toBeUndefined();
  });
  it("parses a Go chain into one entry per credential", () => {
    const chain = [
      "DefaultAzureCredential: failed to acquire a token.",
      "Attempted credentials:",
      "\tEnvironmentCredential: missing environment variable AZURE_TENANT_ID",
      "\tManagedIdentityCredential: managed identity timed out",
      "\tAzureCLICredential: Azure CLI not found on path",
    ].join("\n");
    const p = parse(chain);
    expect(p.credential).toBe("DefaultAzureCredential");
    expect(p.chain?.map((c) => [c.credential, c.message])).toEqual([
      ["EnvironmentCredential", "missing environment variable AZURE_TENANT_ID"],
      ["ManagedIdentityCredential", "managed identity timed out"],
      ["AzureCLICredential", "Azure CLI not found on path"],
    ]);
  });
});

describe("any input, never a throw", () => {
  const cyclic: Record<string, unknown> = { message: "AADSTS7000215: bad secret" };
  cyclic.self = cyclic;
  cyclic.cause = cyclic;
  const throwing = Object.defineProperty({}, "message", {
    get() {
      throw new Error("boom");
    },
    enumerable: true,
  });
  const inputs: unknown[] = [
    undefined,
    null,
    0,
    7000215,
    true,
    Symbol("s"),
    () => 1,
    10n,
    [],
    {},
    cyclic,
    throwing,
    {
      toString: () => {
        throw new Error("x");
      },
    },
    new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
        ownKeys: () => {
          throw new Error("trap");
        },
      },
    ),
    JSON.parse('{"__proto__": {"polluted": true}, "error": "invalid_client", "error_codes": [1]}'),
    "\u0000\uffff\ud800",
    "{".repeat(10_000),
    '"'.repeat(10_000),
    "AADSTS".repeat(50_000),
  ];
  it.each(inputs.map((i, n) => [n, i]))("input #%s", (_n, input) => {
    const p = parse(input);
    expect(ParsedAuthErrorSchema.safeParse(p).success).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads an Error and its cause", () => {
    const err = new Error("request failed", {
      cause: new Error("ClientSecretCredential authentication failed. AADSTS7000222: secret expired"),
    });
    const p = parse(err);
    expect(p.codes).toEqual([7000222]);
    expect(p.credential).toBe("ClientSecretCredential");
  });

  it("flags input past the size limit instead of cutting it silently", () => {
    const big = `${"x".repeat(MAX_INPUT_LENGTH)}AADSTS7000215: late`;
    const p = parse(big);
    expect(p.truncated).toBe(true);
    expect(p.codes).toEqual([]);
    expect(parse(big, { maxLength: big.length + 1 }).codes).toEqual([7000215]);
  });
});

describe("field quality", () => {
  it("prefers the JSON field when the description disagrees, and records the conflict", () => {
    const body = {
      error: "invalid_client",
      error_description:
        "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 11111111-1111-4111-8111-111111111111\r\nCorrelation ID: 22222222-2222-4222-8222-222222222222\r\nTimestamp: 2025-01-15 10:20:30Z",
      error_codes: [7000215],
      trace_id: "33333333-3333-4333-8333-333333333333",
      correlation_id: "22222222-2222-4222-8222-222222222222",
      timestamp: "2025-01-15 10:20:31Z",
    };
    const p = parse(JSON.stringify(body));
    expect(p.traceId).toBe("33333333-3333-4333-8333-333333333333");
    expect(p.timestamp).toBe("2025-01-15T10:20:31Z");
    expect(p.conflicts).toEqual([
      {
        field: "traceId",
        values: ["33333333-3333-4333-8333-333333333333", "11111111-1111-4111-8111-111111111111"],
      },
      { field: "timestamp", values: ["2025-01-15T10:20:31Z", "2025-01-15T10:20:30Z"] },
    ]);
  });
  it("keeps the timestamp as printed next to its ISO form", () => {
    const p = parse("AADSTS50126: Error validating credentials.\nTimestamp: 2024-02-03 04:05:06.1234567Z");
    expect(p.timestamp).toBe("2024-02-03T04:05:06.1234567Z");
    expect(p.timestampText).toBe("2024-02-03 04:05:06.1234567Z");
  });
  it("rejoins a GUID that console wrapping cut, but only into a complete GUID", () => {
    const wrapped =
      "AADSTS7000215: bad secret. Trace ID: 0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b\n7c6d\nCorrelation ID: 5c4d3e2f";
    expect(parse(wrapped).traceId).toBe("0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    expect(parse(wrapped).correlationId).toBe("5c4d3e2f");
  });
  it("reads the correlation ID from MSAL.NET's log-line prefix when no label names one", () => {
    const line =
      "[MSAL] [Error] True MSAL 4.61.3.0 MSAL.NetCore .NET 8.0.4 Microsoft Windows 10.0.22631 [2026-02-14 08:15:02Z - 3e8a1f60-94c2-4b7d-a1e5-6f0c2d9b8e47] MSAL.NetCore.4.61.3.0.MsalClientException:\n  ErrorCode: tenant_override_non_aad";
    expect(parse(line).correlationId).toBe("3e8a1f60-94c2-4b7d-a1e5-6f0c2d9b8e47");
    // A labelled correlation ID elsewhere in the text wins over the prefix.
    const labelled = `${line}\nCorrelation ID: 0d1c2b3a-4f5e-4d6c-8b7a-9e8f7a6b5c4d`;
    expect(parse(labelled).correlationId).toBe("0d1c2b3a-4f5e-4d6c-8b7a-9e8f7a6b5c4d");
    // The same bracket without MSAL's " - " separator holds no ID.
    expect(
      parse("[2026-02-14 08:15:02Z] AADSTS50126: Error validating credentials.").correlationId,
    ).toBeUndefined();
  });
  it("decodes HTML entities from a web page copy", () => {
    const p = parse(
      "ClientSecretCredential authentication failed: AADSTS700016: Application with identifier &#39;1a2b3c4d-0000-4000-8000-000000000000&#39; was not found.",
    );
    expect(p.clientId).toBe("1a2b3c4d-0000-4000-8000-000000000000");
  });
});

describe("a huge message", () => {
  it("is kept to MAX_MESSAGE_LENGTH characters, ends in …, and the rest of the text is still read", () => {
    const filler = "retrying the token request after a transient failure; ".repeat(10_000);
    const p = parse(
      `AADSTS7000215: Invalid client secret provided. ${filler}\nTrace ID: 0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\nCorrelation ID: 1c0d9e8f-7a6b-4c5d-8e9f-0a1b2c3d4e5f\nTimestamp: 2025-06-30 23:05:51Z`,
    );
    expect(p.message?.length).toBe(MAX_MESSAGE_LENGTH);
    expect(p.message?.startsWith("Invalid client secret provided. retrying the token request")).toBe(true);
    expect(p.message?.endsWith("…")).toBe(true);
    expect(p.codes).toEqual([7000215]);
    expect(p.traceId).toBe("0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    expect(p.timestamp).toBe("2025-06-30T23:05:51Z");
  });

  it("is kept whole up to the limit", () => {
    const text = `Invalid client secret provided. ${"x".repeat(MAX_MESSAGE_LENGTH - 100)}`;
    expect(parse(`AADSTS7000215: ${text}`).message).toBe(text);
  });
});

describe("wrappers and chains nest independently", () => {
  const chain =
    "DefaultAzureCredential: failed to acquire a token.\nAttempted credentials:\n\tEnvironmentCredential: missing environment variable AZURE_TENANT_ID\n\tWorkloadIdentityCredential: no client ID specified. Check pod configuration or set ClientID in the options\n\tManagedIdentityCredential: no default identity is assigned to this resource\n\tAzureCLICredential: Azure CLI not found on path";
  const logfmt = `time="2025-03-04T08:15:30Z" level=error msg="reconcile failed" controller=secretstore error=${JSON.stringify(chain)}`;
  const members = [
    "EnvironmentCredential",
    "WorkloadIdentityCredential",
    "ManagedIdentityCredential",
    "AzureCLICredential",
  ];

  it("keeps a Go chain inside a logfmt value inside a Docker json-file record", () => {
    const docker = JSON.stringify({ log: `${logfmt}\n`, stream: "stderr", time: "2025-03-04T08:15:30.1Z" });
    const p = parse(docker);
    expect(p.credential).toBe("DefaultAzureCredential");
    expect(p.chain?.map((m) => m.credential)).toEqual(members);
    expect(p.chain?.[3]?.message).toBe("Azure CLI not found on path");
  });

  it("and inside a JSON record holding that Docker record", () => {
    const docker = JSON.stringify({ log: `${logfmt}\n`, stream: "stderr" });
    const shipped = JSON.stringify({ "@timestamp": "2025-03-04T08:15:31Z", message: docker, host: "node-7" });
    expect(parse(shipped).chain?.map((m) => m.credential)).toEqual(members);
  });
});

describe("a quoted value inside one message is not a record around it", () => {
  it("reads .NET AppAuthentication's whole line, not its quoted AppId", () => {
    const text =
      'Parameters: Connection String: RunAs=App;AppId="client ID of the user-assigned managed identity", Resource: https://vault.azure.net, Authority: . Exception Message: Tried to get token using Managed Service Identity. Unable to connect to the Managed Service Identity (MSI) endpoint. Please check that you are running on an Azure resource that has MSI setup.';
    const p = parse(text);
    expect(p.sdk).toBe("dotnet");
    expect(p.message).toContain("Unable to connect to the Managed Service Identity");
  });

  it("passes over an info record's value to the error record's", () => {
    const text = [
      'time="2025-06-11T09:12:40Z" level=info msg="Using managed identity extension to retrieve access token for Azure API."',
      'time="2025-06-11T09:12:44Z" level=error msg="azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/providers?api-version=2020-01-01: StatusCode=0 -- Original Error: the MSI endpoint is not available. Failed HTTP request to MSI endpoint: Get \\"http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01\\": dial tcp 169.254.169.254:80: i/o timeout"',
    ].join("\n");
    const p = parse(text);
    expect(p.sdk).toBe("go");
    expect(p.message).toContain("i/o timeout");
    expect(p.request?.url).toContain("169.254.169.254");
  });

  it("still reads the value of a logfmt line whose own keys say nothing of the failure", () => {
    const text =
      'time="2025-06-11T09:12:44Z" level=error msg="azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscriptions/0b3c9e7a-2f41-4d8e-9a65-7c1d2e3f4a5b/providers?api-version=2020-01-01: StatusCode=401 -- Original Error: adal: Refresh request failed. Status Code = \'401\'. Response body: {"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys for app \'6d2e8f14-3a5c-4b7d-9e01-2c4f6a8b0d13\' are expired.","error_codes":[7000222]}"';
    const p = parse(text);
    expect(p.codes).toEqual([7000222]);
    expect(p.sdk).toBe("go");
    expect(p.error).toBe("invalid_client");
  });
});

describe("a text that holds two failures", () => {
  // Two runs of a Go service in one log: an expired secret, then (after a redeploy) an unknown app ID.
  const goFailure = (time: string, code: number, description: string, trace: string, status: string) =>
    [
      `2025/04/02 ${time} ClientSecretCredential authentication failed. `,
      "POST https://login.microsoftonline.com/7f3c2a10-5b8e-4d61-9c2f-0e4a8b7d6c51/oauth2/v2.0/token",
      "-".repeat(80),
      `RESPONSE ${status}`,
      "-".repeat(80),
      "{",
      `  "error": "${code === 7000222 ? "invalid_client" : "unauthorized_client"}",`,
      `  "error_description": "AADSTS${code}: ${description}\\r\\nTrace ID: ${trace}\\r\\nCorrelation ID: 4a1e7c93-2d5b-4f08-8e6a-b3c9d0f12e47\\r\\nTimestamp: 2025-04-02 ${time}Z",`,
      `  "error_codes": [${code}],`,
      `  "trace_id": "${trace}"`,
      "}",
      "-".repeat(80),
      "To troubleshoot, visit https://aka.ms/azsdk/go/identity/troubleshoot#client-secret",
    ].join("\n");
  const first = goFailure(
    "09:14:03",
    7000222,
    "The provided client secret keys for app '5d1c3e22-9a4b-4f0e-8c11-2b7d9e6f4a10' are expired.",
    "0d9a7c41-3b2e-4f18-a6c5-91e2d4b87f00",
    "401: 401 Unauthorized",
  );
  const second = goFailure(
    "09:31:47",
    700016,
    "Application with identifier '9b2e4c71-0d3f-4a85-b6e1-27c8f5a9d013' was not found in the directory 'Fabrikam'.",
    "8e4b1f02-6d3a-4c97-b218-55f0c3a9de00",
    "400: 400 Bad Request",
  );
  const log = `${first}\n2025/04/02 09:20:00 redeployed with new settings\n${second}\n`;

  it("explains the first failure whole, with none of the second's fields", () => {
    const ex = explain(log);
    expect(ex.parsed).toMatchObject({
      codes: [7000222],
      traceId: "0d9a7c41-3b2e-4f18-a6c5-91e2d4b87f00",
      timestamp: "2025-04-02T09:14:03Z",
      status: 401,
      error: "invalid_client",
      clientId: "5d1c3e22-9a4b-4f0e-8c11-2b7d9e6f4a10",
    });
    expect(ex.parsed.message).toContain("client secret keys");
    expect(ex.parsed.tenant).toBe("7f3c2a10-5b8e-4d61-9c2f-0e4a8b7d6c51");
    expect(ex.matches[0]?.id).toBe("client-secret-expired");
  });

  it("says how many more there are, and parse() reads the same first failure", () => {
    const ex = explain(log);
    expect(ex.moreFailures).toBe(1);
    expect(ex.summary).toContain("1 more failure");
    expect(parse(log)).toEqual(ex.parsed);
    // The second on its own is still read whole.
    expect(explain(second).parsed.codes).toEqual([700016]);
    expect(explain(second).moreFailures).toBeUndefined();
  });

  it("counts a failure printed twice (same trace ID) once", () => {
    const ex = explain(`${first}\n${first.replace("2025/04/02 09:14:03", "2025/04/02 09:14:04")}`);
    expect(ex.moreFailures).toBeUndefined();
    expect(ex.parsed.codes).toEqual([7000222]);
  });
});

describe("an HTML sign-in page pasted whole", () => {
  const page = readFileSync(
    new URL("./fixtures/browser/html-signin-page-config-50011.txt", import.meta.url),
    "utf8",
  );

  it("gives the page's own message text, not its script, styles or $Config", () => {
    const p = parse(page);
    expect(p.codes).toEqual([50011]);
    expect(p.message).toBe(
      "The redirect URI 'https://orders.fabrikam.example/signin-oidc' specified in the request does not match the redirect URIs configured for the application '8c2d4e61-5f0a-4b7e-9d13-a6e2c9f0b471'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.",
    );
    expect(p.sdk).toBe("browser");
    for (const code of ["$Config", "Segoe", "CDATA", "sCanaryTokenName", "urlCdn"])
      expect(JSON.stringify(p), code).not.toContain(code);
  });

  it("never echoes its canary values, in any format", () => {
    const canaries = [
      "Zk9nQ1RyYWNlLWNhbmFyeS12YWx1ZS1pbnZlbnRlZC0wMDE",
      "QXBpQ2FuYXJ5LWludmVudGVkLXZhbHVlLTAwMg",
      "SGlkZGVuLWNhbmFyeS1pbnZlbnRlZC12YWx1ZS0wMDM",
    ];
    const ex = explain(page);
    const outputs = [JSON.stringify(ex), ...FORMATS.map((format) => render(ex, { format }))];
    for (const out of outputs) for (const c of canaries) expect(out).not.toContain(c);
    // Redaction itself takes them out of the text, so a scan's excerpt cannot hold them either.
    for (const c of canaries) expect(redact(page).text).not.toContain(c);
  });
});

describe("a piece of the sign-in page's $Config pasted from its source", () => {
  const config =
    '"strServiceExceptionMessage":"AADSTS90102: \\u0026#39;redirect_uri\\u0026#39; value must be a valid absolute Uri.","strTraceId":"3c2b1a09-8f7e-4d6c-b5a4-9e8d7c6b5a40","strErrorCode":90102,"iHttpErrorCode":400,"strTimestamp":"2026-02-14T08:50:37Z","correlationId":"7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d","urlCancel":""';
  it("reads the page's trace ID, correlation ID, timestamp and status, and that it is the sign-in page", () => {
    const p = parse(config);
    expect(p.codes).toEqual([90102]);
    expect(p.traceId).toBe("3c2b1a09-8f7e-4d6c-b5a4-9e8d7c6b5a40");
    expect(p.correlationId).toBe("7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d");
    expect(p.timestamp).toBe("2026-02-14T08:50:37Z");
    expect(p.status).toBe(400);
    expect(p.sdk).toBe("browser");
  });
  it("reads a camelCase correlationId only beside the page's message", () => {
    const identityEndpoint =
      '{"statusCode":400,"message":"Unable to load the proper Managed Identity.","correlationId":"7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"}';
    expect(parse(identityEndpoint).correlationId).toBeUndefined();
  });
});

describe("a URL pasted as a Markdown link", () => {
  it("keeps the URL shown, not the link syntax or the rewritten target", () => {
    const text = readFileSync(
      new URL("./fixtures/azure-cli/refresh-token-expired-700082-safelinks.txt", import.meta.url),
      "utf8",
    );
    expect(text).toContain("[https://management.core.windows.net//.default](https://nam06.safelinks");
    expect(parse(text).command).toBe("az login --scope https://management.core.windows.net//.default");
  });
});

describe("HashiCorp's API error", () => {
  it("reads the status from its Code line, not from the line numbers around it", () => {
    const text = [
      "Error writing data to auth/azure/login: Error making API request.",
      "",
      "URL: PUT https://vault.example.internal:8200/v1/auth/azure/login",
      "Code: 500. Errors:",
      "",
      "* oauth2: cannot fetch token: 401 Unauthorized",
    ].join("\n");
    expect(parse(text).status).toBe(500);
    expect(parse("Code: 12. Errors: none").status).toBeUndefined();
  });
});

describe("an error quoted in Markdown emphasis", () => {
  it("reads the credential the underscore was glued to", () => {
    const text =
      "The job fails after an hour with _ManagedIdentityCredential authentication failed. the requested identity isn't assigned to this resource_ and then retries.";
    expect(parse(text).credential).toBe("ManagedIdentityCredential");
    // A Python private name keeps its underscore: only a capitalised word opens emphasis.
    expect(parse('  File "/app/x.py", line 3, in _get_token\nValueError: _private').message).toContain(
      "_private",
    );
  });
});

describe("log lines that report rather than fail", () => {
  it("a DEBUG line between Java's unavailable credentials is not one of them", () => {
    const text = [
      "com.azure.identity.CredentialUnavailableException: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.",
      "2025-02-11 10:04:17.221 DEBUG 4112 --- [main] c.a.i.i.IdentityClientBase : Attempting to acquire token with managed identity",
      "ManagedIdentityCredential authentication unavailable. Connection to IMDS endpoint cannot be established.",
      "AzureCliCredential authentication unavailable. Azure CLI not installed.",
      "\tat com.azure.identity.ChainedTokenCredential.lambda$getToken$1(ChainedTokenCredential.java:71)",
    ].join("\n");
    const chain = parse(text).chain ?? [];
    expect(chain.map((m) => m.credential)).toEqual([
      "EnvironmentCredential",
      "ManagedIdentityCredential",
      "AzureCliCredential",
    ]);
  });

  it("a logger's name is not an OAuth error", () => {
    const text =
      "DEBUG: az_command_data_logger : command args: account get-access-token --resource https://vault.azure.net\nERROR: AADSTS700082: The refresh token has expired due to inactivity.";
    expect(parse(text).error).toBeUndefined();
  });

  it("a setting printed as `key: value` is not an OAuth error, and a token path is not a tenant", () => {
    const profile =
      "  authentication: cli\n  trust_cert: False\n  Connection test: ERROR\nLogin failed for user '<token-identified principal>'.";
    expect(parse(profile).error).toBeUndefined();
    expect(parse("invalid_grant: The provided authorization code is expired.").error).toBe("invalid_grant");
    const handshake =
      "Failed to complete OAuth handshake with office365 at https://login.microsoftonline.com/oauth/token. failed [404]";
    expect(parse(handshake).tenant).toBeUndefined();
  });
});

describe("a client authentication method is not an OAuth error", () => {
  it("reads none from openid-client's complaint about a missing secret", () => {
    for (const method of ["client_secret_basic", "client_secret_post", "private_key_jwt"])
      expect(
        parse(`TypeError: ${method} client authentication method requires a client_secret`).error,
      ).toBeUndefined();
    // An OAuth error in the same slot is still read.
    expect(parse("TypeError: invalid_client: AADSTS7000215: Invalid client secret provided.").error).toBe(
      "invalid_client",
    );
  });
});

describe("a JSON log record around a tool's own error", () => {
  it("reads the field a producer printed, even when it names no auth failure", () => {
    const cli =
      "ERROR: Could not retrieve credential from local cache for service principal 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d. Run `az login` for this service principal.";
    expect(parse(cli).sdk).toBe("azure-cli");
    const record = JSON.stringify({
      level: "error",
      time: "2026-02-03T04:05:06Z",
      service: "deployer",
      message: cli,
    });
    expect(parse(record).sdk).toBe("azure-cli");
  });
  it("leaves a record with no producer's text and no auth failure as it is", () => {
    const record = JSON.stringify({
      level: "error",
      message: "The deployment of the billing worker timed out after 300 seconds.",
    });
    const p = parse(record);
    expect(p.sdk).toBeUndefined();
    expect(p.message).toContain("billing worker");
  });
});

describe("a paste inside its Markdown code fence", () => {
  const log = [
    '2025-09-30T11:08:20.4275282Z   |   "error_codes": [',
    "2025-09-30T11:08:20.4275724Z   |     900144",
    "2025-09-30T11:08:20.4276082Z   |   ],",
    '2025-09-30T11:08:20.4276469Z   |   "trace_id": "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d",',
    '2025-09-30T11:08:20.4277045Z   |   "correlation_id": "6e7f8091-2b3c-4d4e-9f50-6b7c8d9e0f1a"',
  ].join("\n");
  it("reads it as the bare paste, with or without a language name", () => {
    const bare = parse(log);
    expect(bare.codes).toEqual([900144]);
    for (const fenced of [
      `\`\`\`\n${log}\n\`\`\``,
      `\`\`\`text\n${log}\n\`\`\`\n`,
      `\n  \`\`\` log\n${log}\n\`\`\``,
    ])
      expect(parse(fenced)).toEqual(bare);
  });
  it("reads a text that only starts or only ends with a fence past the fence line", () => {
    // The CI log's time stamps go from each line that carries one, so the body reads with or without
    // the fence line above it.
    expect(parse(`\`\`\`\n${log}`)).toEqual(parse(log));
    expect(parse(`AADSTS50011: The redirect URI does not match.\n\`\`\``).codes).toEqual([50011]);
  });
});

describe("a paste whose every line is indented", () => {
  const error = [
    "Connect-AzAccount : ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.",
    "At line:1 char:1",
    "+ Connect-AzAccount -ServicePrincipal -Credential $cred -Tenant $tenantId",
    "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
    "    + CategoryInfo          : CloseError: (:) [Connect-AzAccount], AuthenticationFailedException",
    "    + FullyQualifiedErrorId : Connect-AzAccount,Microsoft.Azure.Commands.Profile.ConnectAzureRmAccountCommand",
  ];
  it("reads it as it reads the same text unindented, whatever the indentation", () => {
    const flat = parse(error.join("\n"));
    expect(flat.sdk).toBe("powershell");
    for (const indent of ["    ", "\t", "  \t"]) {
      const p = parse(error.map((l) => `${indent}${l}`).join("\n"));
      expect(p).toEqual(flat);
    }
  });
  it("keeps the indentation that differs between lines", () => {
    // Only the indentation every line shares goes: here none, so nothing changes.
    const mixed = [
      "ERROR: AADSTS50076: Due to a configuration change you must use multi-factor authentication.",
      ...error.map((l) => `  ${l}`),
    ];
    expect(parse(mixed.join("\n")).sdk).toBe("azure-cli");
  });

  describe("azure-identity for Python's older and inner names", () => {
    it("reads the chain of a release before 1.4, named by the frame that called it", () => {
      const text = [
        "Traceback (most recent call last):",
        '  File "/srv/app/.venv/lib/python3.8/site-packages/azure/identity/_credentials/default.py", line 105, in get_token',
        "    return super(DefaultAzureCredential, self).get_token(*scopes, **kwargs)",
        '  File "/srv/app/.venv/lib/python3.8/site-packages/azure/identity/_credentials/chained.py", line 65, in get_token',
        "    raise ClientAuthenticationError(message=error_message)",
        "azure.core.exceptions.ClientAuthenticationError: No credential in this chain provided a token.",
        "Attempted credentials:",
        "\tEnvironmentCredential: Incomplete environment configuration",
        "\tImdsCredential: IMDS endpoint unavailable",
      ].join("\n");
      const p = parse(text);
      expect(p.credential).toBe("DefaultAzureCredential");
      expect(p.chain?.map((m) => m.credential)).toEqual(["EnvironmentCredential", "ImdsCredential"]);
      // Without the calling frame the chain is the generic one.
      expect(parse(text.split("\n").slice(5).join("\n")).credential).toBe("ChainedTokenCredential");
    });
    it("names ManagedIdentityCredential where an inner class logs the failure the message names it in", () => {
      const text =
        "ImdsCredential.get_token failed: ManagedIdentityCredential authentication unavailable, no response from the IMDS endpoint.";
      expect(parse(text).credential).toBe("ManagedIdentityCredential");
      // An inner class alone stays as printed.
      expect(parse("ImdsCredential.get_token failed: connection timed out").credential).toBe(
        "ImdsCredential",
      );
    });
  });

  describe("a container's log, as its runtime stored it", () => {
    const lines = [
      "Connect-AzAccount : ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided. Trace ID: 5b0a7d1e-0c11-4f7e-9a3b-2d8e6f1c0a00 Correlation ID: 8c2f4e6a-1b3d-4c5e-9f70-a1b2c3d4e5f6 Timestamp: 2026-03-04 05:06:07Z",
      "At line:1 char:1",
      "+ Connect-AzAccount -ServicePrincipal -Credential $cred -Tenant $tenantId",
      "    + CategoryInfo          : CloseError: (:) [Connect-AzAccount], AuthenticationFailedException",
    ];
    const flat = parse(lines.join("\n"));
    it("reads a CRI log file's lines (time, stream, flag) as the lines the program printed", () => {
      expect(flat.sdk).toBe("powershell");
      const cri = lines.map((l, i) => `2026-03-04T05:06:0${i}.123456789Z stderr F ${l}`).join("\n");
      expect(parse(cri)).toEqual(flat);
    });
    it("reads Docker's json-file records, one per line, as their messages", () => {
      const json = lines
        .map((l, i) => JSON.stringify({ log: `${l}\n`, stream: "stderr", time: `2026-03-04T05:06:0${i}.1Z` }))
        .join("\n");
      expect(parse(json)).toEqual(flat);
      // Records that say nothing of an auth failure are not unwrapped: the text is read as it is.
      const quiet = ["ready", "listening on :8080"].map((m) => JSON.stringify({ msg: m })).join("\n");
      expect(parse(quiet).codes).toEqual([]);
    });
  });

  describe("a paste that a console hard-wrapped", () => {
    const message =
      "ManagedIdentityCredential authentication failed. The requested identity has not been assigned to this resource. Status: 400 (Bad Request) Client ID: 4f2b7c1d-9e3a-4d5f-8a6b-0c1d2e3f4a5b Resource: https://vault.azure.net. To use a user-assigned identity, pass its client ID; to use the system-assigned identity, enable it on the host first and grant it access to the vault.";
    const wrapAt = (text: string, width: number) =>
      text.match(new RegExp(`.{1,${width}}`, "g"))?.join("\n") ?? text;
    it("reads the names, IDs and status cut at the border as the unwrapped text gives them", () => {
      const flat = parse(message);
      expect(flat.credential).toBe("ManagedIdentityCredential");
      expect(flat.status).toBe(400);
      for (const width of [80, 100, 120]) expect(parse(wrapAt(message, width))).toEqual(flat);
    });
    it("does not join lines that only share the longest length by chance", () => {
      // A log that repeats one line, and a rule across the width, are not wraps.
      const repeated = Array.from(
        { length: 3 },
        () =>
          "AADSTS700082: The refresh token has expired due to inactivity. It was issued on 2026-01-01 and unused since.",
      ).join("\n");
      expect(parse(`${repeated}\nEnvironmentCredential: done`).message).toBe(
        "The refresh token has expired due to inactivity. It was issued on 2026-01-01 and unused since.",
      );
      const ruled = `${"-".repeat(90)}\nRESPONSE 401 Unauthorized\n${"-".repeat(90)}\n{"error":"invalid_client"}`;
      expect(parse(ruled).status).toBe(401);
    });
  });

  describe("a paste that starts with a log record's header", () => {
    const error = [
      "Connect-AzAccount : ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided. Trace ID: 5b0a7d1e-0c11-4f7e-9a3b-2d8e6f1c0a00 Correlation ID: 8c2f4e6a-1b3d-4c5e-9f70-a1b2c3d4e5f6 Timestamp: 2026-03-04 05:06:07Z",
      "At line:1 char:1",
      "+ Connect-AzAccount -ServicePrincipal -Credential $cred -Tenant $tenantId",
      "    + CategoryInfo          : CloseError: (:) [Connect-AzAccount], AuthenticationFailedException",
    ];
    it("reads the message after the header as it reads it without one", () => {
      const flat = parse(error.join("\n"));
      expect(flat.sdk).toBe("powershell");
      for (const header of [
        "2026-03-04T05:06:08.123Z ERROR [worker-3] ",
        "[2026-03-04 05:06:08,123] WARN ",
        "2026-03-04 05:06:08.123+01:00 fail: ",
        "2026-03-04 05:06:08 ",
      ]) {
        const [first, ...rest] = error;
        expect(parse([`${header}${first}`, ...rest].join("\n"))).toEqual(flat);
      }
    });
    it("keeps a time that a console wrapped onto a line of its own, after its label", () => {
      const wrapped =
        "ERROR: AADSTS7000215: Invalid client secret provided. Correlation ID: 8c2f4e6a-1b3d-4c5e-9f70-a1b2c3d4e5f6 Timestamp: \n2026-03-04 05:06:07Z The error may be caused by a wrong secret.";
      expect(parse(wrapped).timestamp).toBe("2026-03-04T05:06:07Z");
      expect(parse("Timestamp:\n2026-03-04 05:06:07Z").timestamp).toBe("2026-03-04T05:06:07Z");
    });
  });
});

describe("a credential name with a log viewer's time glued to it", () => {
  it("is the known credential, not the glued word", () => {
    const text =
      "today at 9:14:03 AMDefaultAzureCredential failed to retrieve a token from the included credentials.\nAttempted credentials:\n\tEnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.";
    expect(parse(text).credential).toBe("DefaultAzureCredential");
    // A name that is not a known credential with capitals before it stays as printed.
    expect(parse("MyCustomCredential authentication failed: no key").credential).toBe("MyCustomCredential");
  });
});

describe("the HTTP status, in the forms people print it", () => {
  const forms: Array<[string, number | undefined]> = [
    [
      '400: b\'{"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired."}\'',
      400,
    ],
    [
      '  401: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}',
      401,
    ],
    ["Status Code = '401'. Response body: AADSTS7000215: Invalid client secret provided.", 401],
    ["Bad Request - Invalid URL\nHTTP Error 400. The request URL is invalid.", 400],
    [
      "Failed to complete OAuth handshake with office365 at https://login.microsoftonline.com/oauth/token. failed [404]",
      404,
    ],
    ["[400] invalid_grant: AADSTS70000: The provided value for the 'code' parameter is not valid.", 400],
    ['TokenStore::Refresh: code=400, response={"error":"invalid_grant"}', 400],
    // A three-digit number that is not a status: a version, a bracketed line number, a code in a URL.
    ["upgraded to 4.400.1 and the sign-in failed [line 404.2]", undefined],
    ["redirect to https://app.example/cb?code=4001abc failed", undefined],
    ["Status code: 520 from the proxy in front of login.microsoftonline.com", 520],
    // Another protocol's reply code in the 5xx range: SMTP's 535 is not an HTTP status.
    [
      "response: '535 5.7.139 Authentication unsuccessful', responseCode: 535, command: 'AUTH LOGIN'",
      undefined,
    ],
    [
      "azure.core.exceptions.ClientAuthenticationError: Operation returned an invalid status 'Unauthorized'",
      401,
    ],
    ["msrest.exceptions.HttpOperationError: Operation returned an invalid status code 'Bad Request'", 400],
    [
      'Failed to retrieve OAuth Token from IMDS endpoint (CURLCode: 0, HTTP code: 400): {"error":"invalid_request","error_description":"Identity not found"}',
      400,
    ],
    ["openai.BadRequestError: Error code: 401 - {'error': {'code': 'InvalidAuthenticationToken'}}", 401],
    ["oauthenticator: Error fetching 400 POST https://login.microsoftonline.com/common/oauth2/token", 400],
    [
      "(node:4312) UnhandledPromiseRejectionWarning: Error: BotFrameworkAdapter.processActivity(): 401 ERROR\n    at BotFrameworkAdapter.<anonymous> (/app/node_modules/botbuilder/lib/botFrameworkAdapter.js:734:27)",
      401,
    ],
    ["POST /api/messages 401 88 - 3.377 ms\nError: Unauthorized Access. Request is not authorized", 401],
    [
      '10.1.2.3 - - [14/Feb/2026:08:15:02 +0000] "POST /api/messages HTTP/1.1" 403 0 "-" "Microsoft-BotFramework/3.1"',
      403,
    ],
    ["Action: azureFunctions.deploy\nError type: 407\nError Message: Proxy Authentication Required", 407],
    [
      "I can sign in with the client secret, but the managed identity keeps getting this 400 error from IMDS.",
      400,
    ],
    // A .NET status name after a spaced label, a program's `responded with`, a status alone above its reason.
    [
      "Error code: 0x80048306. Http status code: Forbidden. Request ids: 3f2a9c1e-0b7d-4c55-9e21-6d8a7b4c3e10",
      403,
    ],
    ["UserSignIn: contoso-entra responded with a 403 trying to fetch user information", 403],
    ["the token endpoint replied with status 401 and an empty body", 401],
    [
      "500\nInternal Server Error\nhttps://chat.example.org/plugins/msteams/oauth-redirect?code=REDACTED",
      500,
    ],
    // A status opening a message after a label's colon or a quote.
    [
      "[error] Error: Failed to load agents for project demo-42: 401: The principal lacks the required data action",
      401,
    ],
    [
      '{"level":"error","msg":"500: Error getting user email from external provider","path":"/callback"}',
      500,
    ],
    // A redirect stated first (a request log) gives way to the failed response stated after it.
    [
      '{"level":"debug","msg":"set w.StatusCode 302"}\n{"level":"warn","msg":"oauth2: cannot fetch token: 401 Unauthorized"}',
      401,
    ],
    // Not a status: a number before a colon that is a time or a line number, a reply that is no HTTP status.
    ["at 12:45: Sign-in started", undefined],
    ["main.py line 401: Retrying the sign-in", undefined],
    ["/srv/app/views.py:401: DeprecationWarning: the sign-in helper is deprecated", undefined],
    ["2024/03/01 10:00:00 main.go:404: Starting the token refresher", undefined],
    ["the server responded with 250 OK", undefined],
    ["404\nNot Found", 404],
    // A redirect page is no failure.
    ["302\nFound", undefined],
    // A successful request in an access log, and a number that is not a status in prose, are not read.
    ["GET /health 200 2 - 0.412 ms\nAADSTS7000215: Invalid client secret provided.", undefined],
    ["The app waited 500 ms and got a token on the second try, then AADSTS50058 on the third.", undefined],
    ["ManagedIdentityCredential authentication failed. expected a 401 response, received 500", undefined],
    // An AADSTS number in an error-code slot is not a status.
    ["Error code: 50058 - Silent sign-in request was sent but no user is signed in.", undefined],
    // A log line's milliseconds before its level are not a status.
    [
      "2025-02-11 09:14:03,375 ERROR [org.example.Sync] AADSTS7000215: Invalid client secret provided.",
      undefined,
    ],
    // A number that opens a line with no body after it is not a status either.
    ["404: page not found in the wiki; the job then failed with AADSTS7000215.", undefined],
  ];
  for (const [text, status] of forms)
    it(`${status ?? "none"} from ${text.slice(0, 40)}`, () => {
      expect(parse(text).status).toBe(status);
    });
});

describe("the OAuth error in ADAL's device-code polling", () => {
  it("reads the state ADAL names as unexpected", () => {
    const p = parse(
      '  File "/usr/local/lib/python3.11/site-packages/adal/token_request.py", line 398, in get_token_with_device_code\n    token = client.get_token_with_polling(oauth_parameters, refresh_interval, expires_in)\nadal.adal_error.AdalError: Unexpected polling state code_expired',
    );
    expect(p.error).toBe("code_expired");
    expect(p.sdk).toBe("python");
  });
});

describe("the tenant of urllib3's connection-pool error", () => {
  it("reads the path after the host, also when the console broke the line between them", () => {
    const p = parse(
      "HTTPSConnectionPool(host='login.microsoftonline.com', port=443):\nMax retries exceeded with url: /organizations/oauth2/v2.0/token (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))",
    );
    expect(p.tenant).toBe("organizations");
  });
});

describe("the tenant a message names", () => {
  it("reads AADSTS500011's tenant name, which its own sentence ends, also across wrapped lines", () => {
    const p = parse(
      "AzureCliCredential: ERROR: AADSTS500011: The resource principal named\n    api://4b1f0c2e-0000-4000-8000-00000000cafe/access_as_user was not found in the tenant\n    named Fabrikam Retail. This can happen if the application has not been installed by the\n    administrator of the tenant or consented to by any user in the tenant.",
    );
    expect(p.tenant).toBe("Fabrikam Retail");
  });

  it("reads the SDKs' multi-tenant refusal", () => {
    const p = parse(
      "DeviceCodeCredential: The current credential is not configured to acquire tokens for tenant 5e1a7c3f-2b8d-4e6a-9f01-3c5d7e9a1b2c. To enable acquiring tokens for this tenant add it to the additionally_allowed_tenants when creating the credential",
    );
    expect(p.tenant).toBe("5e1a7c3f-2b8d-4e6a-9f01-3c5d7e9a1b2c");
    expect(p.credential).toBe("DeviceCodeCredential");
  });
});

describe("a client ID that is no GUID, where the text shows it was really sent", () => {
  it("takes Entra's echo of it, even a sample's unreplaced placeholder", () => {
    const p = parse(
      "ERROR: AADSTS700016: Application with identifier 'INSERT APP ID' was not found in the directory 'Contoso'.",
    );
    expect(p.clientId).toBe("INSERT APP ID");
  });

  it("takes a request URL's client_id when it is a name, not a placeholder the person wrote", () => {
    const sent = parse(
      "GET https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=NorthwindDesktop&response_type=code\nAADSTS700016: Application not found.",
    );
    expect(sent.clientId).toBe("NorthwindDesktop");
    const illustration = parse(
      "Example: https://login.microsoftonline.com/-tenant-/oauth2/v2.0/authorize?client_id=any-client-id&state=1 fails with AADSTS50011",
    );
    expect(illustration.clientId).toBeUndefined();
    expect(
      parse("redirect: /authorize?client_id=xxxx-yyyy&scope=openid AADSTS700016").clientId,
    ).toBeUndefined();
  });

  it("reads a GUID in the echo as before, and no placeholder a sample left in its URL", () => {
    const p = parse(
      "AADSTS700016: Application with identifier '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' was not found in the directory 'fabrikam.com'.",
    );
    expect(p.clientId).toBe("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    expect(
      parse(
        "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=Enter_the_Application_Id_here&scope=openid",
      ).clientId,
    ).toBeUndefined();
  });
});

describe("library shapes the catalog's library entries rely on", () => {
  it("a Python built-in exception's first word is an argument name, not an OAuth error", () => {
    expect(
      parse("ValueError: parent_window_handle is required when you opted into using broker.").error,
    ).toBeUndefined();
    expect(parse("TypeError: client_credential must be a dict").error).toBeUndefined();
    // An MSAL exception class still labels its code.
    expect(
      parse("msal.exceptions.ServerError: invalid_grant: AADSTS70008: The refresh token has expired.").error,
    ).toBe("invalid_grant");
  });

  it("msal-js's other error classes in its `Class: code: message` form, and MSAL Go's option names", () => {
    const native = parse(
      "NativeAuthError: user_switch: User attempted to switch accounts in the native broker.",
    );
    expect(native.sdk).toBe("msal-js");
    expect(native.error).toBe("user_switch");
    // A class of that name in someone else's words is not msal-js's mark.
    expect(parse("CacheError: the cache directory is not writable").sdk).toBeUndefined();
    expect(
      parse("no account was specified with public.WithSilentAccount(), or the specified account is invalid")
        .sdk,
    ).toBe("msal-go");
  });
});
