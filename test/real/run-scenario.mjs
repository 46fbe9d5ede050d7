// Runs one scenario against the real @azure/identity / @azure/msal-node in its own process, so that
// environment variables (AZURE_*, IDENTITY_*, PATH, NODE_EXTRA_CA_CERTS) apply to it alone. Prints one JSON
// line: the thrown error's text forms and what aadsts explains from the object, its String() and its stack.

import { createSerializer, ServiceClient } from "@azure/core-client";
import {
  AzureCliCredential,
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  EnvironmentCredential,
  ManagedIdentityCredential,
  UsernamePasswordCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";
import { PublicClientApplication } from "@azure/msal-node";
import { explain } from "../../dist/index.js";

const s = JSON.parse(process.env.AADSTS_SCENARIO ?? "{}");
const authorityHost = process.env.AADSTS_AUTHORITY_HOST;
const common = { authorityHost, disableInstanceDiscovery: true };
const scope = "https://vault.azure.net/.default";
const FAKE_ASSERTION =
  "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJzdGFuZC1pbiIsImlzcyI6InRlc3QifQ.c3RhbmQtaW4tc2lnbmF0dXJl";

async function attempt() {
  switch (s.kind) {
    case "secret":
      return new ClientSecretCredential(s.tenant, s.clientId, "not-a-real-secret-value", common).getToken(
        scope,
      );
    case "secret-offline":
      // Port 9 (discard) on the loopback address: nothing listens there, the connection is refused.
      return new ClientSecretCredential(s.tenant, s.clientId, "not-a-real-secret-value", {
        authorityHost: "https://127.0.0.1:9",
        disableInstanceDiscovery: true,
        retryOptions: { maxRetries: 0 },
      }).getToken(scope);
    case "cert":
      return new ClientCertificateCredential(
        s.tenant,
        s.clientId,
        process.env.AADSTS_CLIENT_CERT,
        common,
      ).getToken(scope);
    case "assertion":
      return new ClientAssertionCredential(s.tenant, s.clientId, async () => FAKE_ASSERTION, common).getToken(
        scope,
      );
    case "userpass":
      return new UsernamePasswordCredential(
        s.tenant,
        s.clientId,
        "user@contoso.example",
        "not-a-real-password",
        common,
      ).getToken(scope);
    case "msal-ropc": {
      const app = new PublicClientApplication({
        auth: {
          clientId: s.clientId,
          authority: `${authorityHost}/${s.tenant}`,
          knownAuthorities: [new URL(authorityHost).host],
        },
      });
      return app.acquireTokenByUsernamePassword({
        scopes: [scope],
        username: "user@contoso.example",
        password: "not-a-real-password",
      });
    }
    case "mi":
      return new ManagedIdentityCredential({
        retryOptions: { maxRetries: s.maxRetries ?? 0, retryDelayInMs: 10, maxRetryDelayInMs: 50 },
      }).getToken(scope);
    case "cli":
      return new AzureCliCredential().getToken(scope);
    case "env":
      return new EnvironmentCredential(common).getToken(scope);
    case "workload":
      return new WorkloadIdentityCredential(common).getToken(scope);
    case "dac":
      return new DefaultAzureCredential(common).getToken(scope);
    case "service": {
      // A service call the way Azure client packages make it: core-client with bearer-token auth, the
      // service's error body deserialised into a RestError.
      const credential = new ClientSecretCredential(s.tenant, s.clientId, "not-a-real-secret-value", common);
      const client = new ServiceClient({ credential, credentialScopes: scope, endpoint: authorityHost });
      const ErrorModel = {
        type: {
          name: "Composite",
          className: "ServiceError",
          modelProperties: {
            error: {
              serializedName: "error",
              type: {
                name: "Composite",
                className: "ErrorDetail",
                modelProperties: {
                  code: { serializedName: "code", type: { name: "String" } },
                  message: { serializedName: "message", type: { name: "String" } },
                },
              },
            },
          },
        },
      };
      return client.sendOperationRequest(
        {},
        {
          httpMethod: "GET",
          path: `/service/${s.id}/secrets/db-password`,
          urlParameters: [],
          responses: { 200: {}, default: { bodyMapper: ErrorModel } },
          serializer: createSerializer(),
        },
      );
    }
    default:
      throw new Error(`unknown scenario kind ${s.kind}`);
  }
}

const pick = (ex) => ({
  top: ex.matches[0]?.id ?? null,
  parsed: ex.parsed,
  decidedBy: ex.decidedBy ?? null,
  chain: ex.chain ?? null,
});
try {
  await attempt();
  process.stdout.write(`${JSON.stringify({ thrown: false })}\n`);
} catch (err) {
  process.stdout.write(
    `${JSON.stringify({
      thrown: true,
      name: err?.name,
      string: String(err),
      stack: err?.stack ?? "",
      fromObject: pick(explain(err)),
      fromString: pick(explain(String(err))),
      fromStack: pick(explain(err?.stack ?? "")),
    })}\n`,
  );
}
