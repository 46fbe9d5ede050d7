/**
 * The scenarios the real SDKs are driven through. Each names what the stand-in answers and what aadsts
 * must make of the error the SDK throws: the top catalog entry, and the fields the stand-in sent.
 */
import type { ParsedAuthError } from "../../src/index.js";
import type { EntraErrorSpec, ManagedIdentityBehaviour, StandInConfig } from "../helpers/entra-standin.js";

/** A deterministic, invented GUID for scenario n and slot k. */
function guid(n: number, k: number): string {
  const hex = (x: number, len: number) => (x >>> 0).toString(16).padStart(len, "0").slice(-len);
  const a = Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(k + 7, 0x85ebca6b);
  const b = Math.imul(a ^ 0x27d4eb2f, 0x165667b1);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b, 3)}-8${hex(a >>> 4, 3)}-${hex(b, 8)}${hex(a, 4)}`;
}

export interface Scenario {
  id: string;
  kind: string;
  /** Environment for the child process, on top of a clean base. `{authority}`, `{plain}`, `{cert}` are filled in. */
  env?: Record<string, string>;
  token?: Omit<EntraErrorSpec, "traceId" | "correlationId" | "timestamp">;
  managedIdentity?: ManagedIdentityBehaviour;
  service?: { status: number; code: string; message: string };
  maxRetries?: number;
  /** Stand-in az script: "absent" (not on PATH) or the text it prints on stderr before exiting 1. */
  az?: "absent" | string;
  top: string;
  /**
   * The top entry from String(err), and from err.stack, when it must differ from the object's because
   * that text lacks what decides it (null: nothing recognisable). Each use says why.
   */
  stringTop?: string | null;
  stackTop?: string | null;
  /** Fields aadsts must report from the thrown object (in addition to the stand-in's IDs, checked for every token scenario). */
  fields?: Partial<ParsedAuthError>;
}

const SPEC = {
  secret7000215: {
    status: 401,
    error: "invalid_client",
    code: 7000215,
    text: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{client}'.",
  },
  secret7000222: {
    status: 401,
    error: "invalid_client",
    code: 7000222,
    text: "The provided client secret keys for app '{client}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.",
  },
  app700016: {
    status: 400,
    error: "unauthorized_client",
    code: 700016,
    text: "Application with identifier '{client}' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
  },
  cert700027: {
    status: 401,
    error: "invalid_client",
    code: 700027,
    text: "Client assertion failed signature validation. Trace ID, Correlation ID and Timestamp follow.",
  },
  assertion700021: {
    status: 400,
    error: "invalid_client",
    code: 700021,
    text: "Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .",
  },
  assertion700023: {
    status: 400,
    error: "invalid_client",
    code: 700023,
    text: "Client assertion audience claim does not match Realm issuer. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .",
  },
  ropc50126: {
    status: 400,
    error: "invalid_grant",
    code: 50126,
    text: "Error validating credentials due to invalid username or password.",
  },
  mfa50076: {
    status: 400,
    error: "invalid_grant",
    code: 50076,
    text: "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '{client}'.",
    suberror: "basic_action",
    claims:
      '{"access_token":{"capolids":{"essential":true,"values":["5c2b1a09-8f7e-4d6c-9b5a-493827160554"]}}}',
  },
} satisfies Record<string, Omit<EntraErrorSpec, "traceId" | "correlationId" | "timestamp">>;

const IMDS = (scenario: string) => ({ AZURE_POD_IDENTITY_AUTHORITY_HOST: `{plain}/${scenario}` });

export const SCENARIOS: Scenario[] = [
  {
    id: "client-secret-7000215",
    kind: "secret",
    token: SPEC.secret7000215,
    top: "client-secret-invalid",
    fields: { error: "invalid_client" },
  },
  {
    id: "client-secret-7000222",
    kind: "secret",
    token: SPEC.secret7000222,
    top: "client-secret-expired",
    fields: { error: "invalid_client" },
  },
  {
    id: "client-secret-700016",
    kind: "secret",
    token: SPEC.app700016,
    top: "aadsts-700016",
    fields: { error: "unauthorized_client" },
  },
  {
    id: "client-certificate-700027",
    kind: "cert",
    token: SPEC.cert700027,
    top: "client-certificate-invalid-signature",
  },
  // The message does not name the credential, so the code's general entry answers, not the guide's row
  // written for client secrets.
  {
    id: "client-certificate-700016",
    kind: "cert",
    token: SPEC.app700016,
    top: "aadsts-700016",
  },
  {
    id: "client-assertion-700021",
    kind: "assertion",
    token: SPEC.assertion700021,
    top: "client-assertion-app-id-mismatch",
  },
  { id: "client-assertion-700023", kind: "assertion", token: SPEC.assertion700023, top: "aadsts-700023" },
  {
    id: "username-password-50126",
    kind: "userpass",
    token: SPEC.ropc50126,
    top: "username-password-invalid",
  },
  {
    id: "msal-node-mfa-50076",
    kind: "msal-ropc",
    token: SPEC.mfa50076,
    top: "aadsts-50076",
    fields: { error: "invalid_grant", suberror: "basic_action" },
  },
  {
    id: "managed-identity-imds-400",
    kind: "mi",
    env: IMDS("mi400"),
    managedIdentity: {
      kind: "json",
      status: 400,
      body: { error: "invalid_request", error_description: "Identity not found" },
    },
    top: "managed-identity-vm-identity-not-assigned",
  },
  // @azure/identity 4.12 with msal-node 3.8.9 reports IMDS 5xx answers, exhausted retries and dropped
  // connections alike ("Network unreachable … network_error"), so these rows cannot be told apart in JS.
  {
    id: "managed-identity-imds-502",
    kind: "mi",
    env: IMDS("mi502"),
    managedIdentity: { kind: "text", status: 502, body: "Bad Gateway" },
    top: "managed-identity-vm-no-response",
  },
  {
    id: "managed-identity-imds-504",
    kind: "mi",
    env: IMDS("mi504"),
    managedIdentity: { kind: "text", status: 504, body: "Gateway Timeout" },
    top: "managed-identity-vm-no-response",
  },
  {
    id: "managed-identity-imds-no-response",
    kind: "mi",
    env: IMDS("mireset"),
    managedIdentity: { kind: "reset" },
    top: "managed-identity-vm-no-response",
  },
  {
    id: "managed-identity-imds-retries-exhausted",
    kind: "mi",
    env: IMDS("mi500"),
    managedIdentity: { kind: "text", status: 500, body: "Internal Server Error" },
    maxRetries: 2,
    top: "managed-identity-vm-no-response",
  },
  { id: "azure-cli-absent", kind: "cli", az: "absent", top: "azure-cli-not-found" },
  {
    id: "azure-cli-login-required",
    kind: "cli",
    az: "ERROR: Please run 'az login' to setup account.",
    top: "azure-cli-login-required",
  },
  {
    id: "environment-incomplete",
    kind: "env",
    env: { AZURE_TENANT_ID: "{tenant}" },
    top: "environment-incomplete-config",
  },
  {
    id: "workload-identity-incomplete",
    kind: "workload",
    env: { AZURE_TENANT_ID: "{tenant}" },
    top: "workload-identity-incomplete-config",
  },
  {
    id: "default-all-unavailable",
    kind: "dac",
    az: "absent",
    top: "dac-failed-to-acquire-token",
  },
  {
    id: "default-bad-secret",
    kind: "dac",
    env: {
      AZURE_TENANT_ID: "{tenant}",
      AZURE_CLIENT_ID: "{client}",
      AZURE_CLIENT_SECRET: "not-a-real-secret-value",
      AZURE_AUTHORITY_HOST: "{authority}",
    },
    token: SPEC.secret7000215,
    az: "absent",
    top: "client-secret-invalid",
  },
  // A RestError's text carries the service's message but not its status; the error's name (RestError,
  // a service's answer after authentication) is what points the text forms at the permission entry.
  {
    id: "service-401",
    kind: "service",
    service: {
      status: 401,
      code: "Unauthorized",
      message: "AKV10000: Request is missing a Bearer or PoP token.",
    },
    top: "permission-issues",
    fields: { status: 401 },
  },
  {
    id: "service-403",
    kind: "service",
    service: {
      status: 403,
      code: "Forbidden",
      message:
        "The user, group or application 'appid=aaaaaaaa-0000-4000-8000-000000000001;oid=bbbbbbbb-0000-4000-8000-000000000002' does not have secrets get permission on key vault 'kv-orders'.",
    },
    top: "permission-issues",
    fields: { status: 403 },
  },
  // A token file path that does not exist: the credential fails on reading it, before any request.
  {
    id: "workload-identity-token-file-missing",
    kind: "workload",
    env: {
      AZURE_TENANT_ID: "{tenant}",
      AZURE_CLIENT_ID: "{client}",
      AZURE_FEDERATED_TOKEN_FILE: "/var/run/secrets/azure/tokens/azure-identity-token",
    },
    top: "federated-token-file-missing",
  },
  // Offline: nothing listens at the authority, so MSAL cannot even resolve its endpoints. The secret is
  // never sent, so this is not an "invalid client secret".
  {
    id: "client-secret-offline",
    kind: "secret-offline",
    top: "service-principal-endpoints-resolution-error",
  },
];

/** Stable per-scenario identities: tenant, client and the IDs the stand-in puts in its error body. */
export function identities(index: number) {
  return {
    tenant: guid(index, 1),
    client: guid(index, 2),
    traceId: guid(index, 3),
    correlationId: guid(index, 4),
    timestamp: `2025-0${1 + (index % 9)}-1${index % 10} 0${index % 10}:1${index % 6}:2${index % 10}Z`,
  };
}

/** The stand-in's configuration for every scenario. */
export function standInConfig(): StandInConfig {
  const config: StandInConfig = { tenants: {}, managedIdentity: {}, service: {} };
  SCENARIOS.forEach((s, i) => {
    const id = identities(i);
    if (s.token) {
      config.tenants[id.tenant] = {
        ...s.token,
        text: s.token.text.replaceAll("{client}", id.client),
        traceId: id.traceId,
        correlationId: id.correlationId,
        timestamp: id.timestamp,
      };
    }
    if (s.kind === "service") config.tenants[id.tenant] = { token: true };
    if (s.managedIdentity) {
      const path = s.env?.AZURE_POD_IDENTITY_AUTHORITY_HOST?.split("/").pop();
      if (path) config.managedIdentity[path] = s.managedIdentity;
    }
    if (s.service) config.service[s.id] = s.service;
  });
  return config;
}
