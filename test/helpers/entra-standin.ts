/**
 * A local stand-in for Microsoft Entra ID, the managed identity endpoint and an Azure service, on loopback
 * only, started and stopped by the tests. The token endpoint serves HTTPS with a certificate generated at
 * start-up; the SDK trusts it through NODE_EXTRA_CA_CERTS, so TLS verification stays on. Each scenario has
 * its own tenant (token endpoint) or path (managed identity, service), which selects the answer.
 */
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import selfsigned from "selfsigned";

export interface EntraErrorSpec {
  status: number;
  error: string;
  code: number;
  text: string;
  suberror?: string;
  claims?: string;
  /** Per-scenario IDs, so every scenario's fields are distinct. */
  traceId: string;
  correlationId: string;
  timestamp: string;
}

/** The body Entra sends, in its own key order, with the labelled trailer inside the description. */
export function entraBody(s: EntraErrorSpec): Record<string, unknown> {
  const body: Record<string, unknown> = {
    error: s.error,
    error_description: `AADSTS${s.code}: ${s.text}\r\nTrace ID: ${s.traceId}\r\nCorrelation ID: ${s.correlationId}\r\nTimestamp: ${s.timestamp}`,
    error_codes: [s.code],
    timestamp: s.timestamp,
    trace_id: s.traceId,
    correlation_id: s.correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${s.code}`,
  };
  if (s.suberror) body.suberror = s.suberror;
  if (s.claims) body.claims = s.claims;
  return body;
}

/** What the managed identity endpoint does for one scenario. */
export type ManagedIdentityBehaviour =
  | { kind: "json"; status: number; body: unknown }
  | { kind: "text"; status: number; body: string }
  | { kind: "reset" };

export interface StandInConfig {
  /** Token endpoint answers, by tenant. */
  tenants: Record<string, EntraErrorSpec | { token: true }>;
  /** Managed identity answers, by the first path segment. */
  managedIdentity: Record<string, ManagedIdentityBehaviour>;
  /** Service answers (HTTPS, under /service/<key>/), by key. */
  service: Record<string, { status: number; code: string; message: string }>;
}

export interface StandIn {
  /** https://localhost:<port>: the authority host. */
  authorityHost: string;
  /** http://127.0.0.1:<port>: managed identity (the IMDS endpoint override). */
  plainHost: string;
  /** PEM of the token endpoint's certificate, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** A certificate with its private key, for ClientCertificateCredential. */
  clientCertFile: string;
  /** Every request received, for assertions that nothing left loopback. */
  requests: string[];
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
};

function openIdConfiguration(base: string, tenant: string) {
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${base}/${tenant}/v2.0`,
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: ["sub", "iss", "aud", "exp", "iat"],
    tenant_region_scope: "NA",
    cloud_instance_name: "localhost",
  };
}

const tomorrow = () => new Date(Date.now() + 24 * 3600 * 1000);

export async function startStandIn(config: StandInConfig): Promise<StandIn> {
  const dir = mkdtempSync(join(tmpdir(), "aadsts-standin-"));
  const attrs = [{ name: "commonName", value: "localhost" }];
  const san = {
    name: "subjectAltName" as const,
    altNames: [
      { type: 2 as const, value: "localhost" },
      { type: 7 as const, ip: "127.0.0.1" },
    ],
  };
  const server = await selfsigned.generate(attrs, {
    notAfterDate: tomorrow(),
    keySize: 2048,
    extensions: [san],
  });
  const client = await selfsigned.generate([{ name: "commonName", value: "aadsts-test-client" }], {
    notAfterDate: tomorrow(),
    keySize: 2048,
  });
  const caFile = join(dir, "ca.pem");
  const clientCertFile = join(dir, "client.pem");
  writeFileSync(caFile, server.cert);
  writeFileSync(clientCertFile, `${client.private}\n${client.cert}`);
  const requests: string[] = [];

  const tls = https.createServer({ key: server.private, cert: server.cert }, (req, res) => {
    requests.push(`https ${req.method} ${req.url}`);
    req.resume();
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "https://localhost");
      const [tenant, ...rest] = url.pathname.split("/").filter(Boolean);
      const base = `https://localhost:${(tls.address() as AddressInfo).port}`;
      // The stand-in Azure service: /service/<scenario>/… answers with that scenario's error.
      const service = tenant === "service" ? config.service[rest[0] ?? ""] : undefined;
      if (service)
        return json(res, service.status, { error: { code: service.code, message: service.message } });
      if (rest.join("/") === "v2.0/.well-known/openid-configuration" && tenant)
        return json(res, 200, openIdConfiguration(base, tenant));
      if (rest.join("/") === "oauth2/v2.0/token" && tenant && tenant in config.tenants) {
        const spec = config.tenants[tenant];
        if (spec && "token" in spec)
          return json(res, 200, {
            token_type: "Bearer",
            expires_in: 3599,
            ext_expires_in: 3599,
            access_token: "standin-access-token",
          });
        if (spec) return json(res, spec.status, entraBody(spec));
      }
      return json(res, 404, {
        error: "not_found",
        error_description: `no stand-in route for ${url.pathname}`,
      });
    });
  });

  const plain = http.createServer((req, res) => {
    requests.push(`http ${req.method} ${req.url}`);
    req.resume();
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const [first = "", ...rest] = url.pathname.split("/").filter(Boolean);
      // IMDS override: msal-node appends /metadata/identity/oauth2/token to the configured host.
      const mi = config.managedIdentity[first];
      if (mi && rest.join("/").startsWith("metadata/identity")) {
        if (mi.kind === "reset") return req.socket.destroy();
        if (mi.kind === "text") {
          res.writeHead(mi.status, { "content-type": "text/plain" });
          return res.end(mi.body);
        }
        return json(res, mi.status, mi.body);
      }
      return json(res, 404, {
        error: { code: "NotFound", message: `no stand-in route for ${url.pathname}` },
      });
    });
  });

  tls.listen(0, "127.0.0.1");
  plain.listen(0, "127.0.0.1");
  await Promise.all([once(tls, "listening"), once(plain, "listening")]);
  return {
    authorityHost: `https://localhost:${(tls.address() as AddressInfo).port}`,
    plainHost: `http://127.0.0.1:${(plain.address() as AddressInfo).port}`,
    caFile,
    clientCertFile,
    requests,
    close: async () => {
      tls.closeAllConnections();
      plain.closeAllConnections();
      await Promise.all([new Promise((r) => tls.close(r)), new Promise((r) => plain.close(r))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
