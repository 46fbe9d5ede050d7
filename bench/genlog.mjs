#!/usr/bin/env node
// Copied from the team's shared bench tools (shared/bench/genlog.mjs) so that tests and npm run bench:scan work on a clean clone.
// Synthetic application log generator for benchmarking log scanners.
// Usage: node genlog.mjs --mb 200 --seed 7 --rate 0.005 > app.log
// Writes plain-text and JSON log lines; a fraction (--rate) of the records are
// Microsoft Entra authentication failures in the shapes that Azure SDKs print,
// some single-line, some spread over several lines. Deterministic for a seed.
// At the end it prints to stderr how many failure records it wrote, by shape.

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []),
);
const targetBytes = Number(args.mb ?? 100) * 1024 * 1024;
let seed = Number(args.seed ?? 1) >>> 0 || 1;
const rate = Number(args.rate ?? 0.005);

function rand() {
  // xorshift32
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 0x100000000;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const hex = (n) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(rand() * 16)]).join("");
const guid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
let clock = Date.UTC(2026, 10, 1, 0, 0, 0);
const ts = () => {
  clock += Math.floor(rand() * 40);
  return new Date(clock).toISOString();
};
const aadTs = () =>
  new Date(clock)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");

const codes = [
  [
    "7000215",
    "invalid_client",
    401,
    "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{app}'.",
  ],
  [
    "7000222",
    "invalid_client",
    401,
    "The provided client secret keys for app '{app}' are expired. Visit the Azure portal to create new keys for your app.",
  ],
  [
    "700016",
    "unauthorized_client",
    400,
    "Application with identifier '{app}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant.",
  ],
  ["700027", "invalid_client", 401, "Client assertion failed signature validation."],
  ["50126", "invalid_grant", 400, "Error validating credentials due to invalid username or password."],
  ["70021", "invalid_request", 400, "No matching federated identity record found for presented assertion."],
  [
    "50076",
    "interaction_required",
    400,
    "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '{app}'.",
  ],
  [
    "65001",
    "invalid_grant",
    400,
    "The user or administrator has not consented to use the application with ID '{app}'.",
  ],
  [
    "90002",
    "invalid_request",
    400,
    "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
  ],
  [
    "500011",
    "invalid_resource",
    400,
    "The resource principal named https://example.invalid was not found in the tenant named {tenant}.",
  ],
];
const creds = [
  "ClientSecretCredential",
  "ClientCertificateCredential",
  "UsernamePasswordCredential",
  "WorkloadIdentityCredential",
  "ClientAssertionCredential",
];
const services = ["api", "worker", "billing", "scheduler", "gateway"];
const plain = [
  () => `GET /v1/orders/${Math.floor(rand() * 1e6)} 200 ${Math.floor(rand() * 900)}ms`,
  () => `cache miss key=user:${hex(10)} ttl=${Math.floor(rand() * 3600)}`,
  () => `connected to db host=db-${Math.floor(rand() * 9)}.internal pool=${Math.floor(rand() * 50)}`,
  () => `job ${guid()} finished in ${(rand() * 10).toFixed(3)}s status=ok`,
  () => `retrying request attempt=${1 + Math.floor(rand() * 3)} reason=ECONNRESET`,
  () => `token acquired for scope https://vault.azure.net/.default expires_in=3599`,
];

function failure() {
  const [code, error, status, desc] = pick(codes);
  const tenant = guid(),
    app = guid(),
    trace = guid(),
    corr = guid();
  const t = aadTs();
  const description = `AADSTS${code}: ${desc.replace("{app}", app).replace("{tenant}", tenant)}\r\nTrace ID: ${trace}\r\nCorrelation ID: ${corr}\r\nTimestamp: ${t}`;
  const body = {
    error,
    error_description: description,
    error_codes: [Number(code)],
    timestamp: t,
    trace_id: trace,
    correlation_id: corr,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  };
  const cred = pick(creds);
  const shape = pick(["go", "json", "msal", "python", "dotnet"]);
  const head = `${ts()} ERROR ${pick(services)}`;
  switch (shape) {
    case "go":
      return [
        shape,
        [
          `${head} ${cred} authentication failed`,
          `POST https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
          "-".repeat(80),
          `RESPONSE ${status} ${status === 401 ? "Unauthorized" : "Bad Request"}`,
          "-".repeat(80),
          ...JSON.stringify(body, null, 2).split("\n"),
          "-".repeat(80),
        ].join("\n"),
      ];
    case "json":
      return [
        shape,
        JSON.stringify({
          time: ts(),
          level: "error",
          service: pick(services),
          msg: `${cred} authentication failed`,
          err: {
            name: "AuthenticationError",
            statusCode: status,
            message: `${error} Status code: ${status}\nMore details:\n${description}`,
          },
        }),
      ];
    case "msal":
      return [
        shape,
        `${head} ServerError: ${error}: Error(s): ${code} - Timestamp: ${t} - Description: ${description.replace(/\r\n/g, " ")} - Correlation ID: ${corr} - Trace ID: ${trace}`,
      ];
    case "python":
      return [
        shape,
        `${head} azure.core.exceptions.ClientAuthenticationError: ${cred}.get_token failed: Authentication failed: ${description.replace(/\r\n/g, "\n")}`,
      ];
    default:
      return [
        shape,
        `${head} Azure.Identity.AuthenticationFailedException: ${cred} authentication failed: ${description.replace(/\r\n/g, " ")}`,
      ];
  }
}

const out = [];
let bytes = 0;
const counts = {};
let records = 0;
while (bytes < targetBytes) {
  let line;
  if (rand() < rate) {
    const [shape, text] = failure();
    counts[shape] = (counts[shape] ?? 0) + 1;
    line = text;
  } else if (rand() < 0.5) {
    line = JSON.stringify({
      time: ts(),
      level: pick(["info", "debug", "warn"]),
      service: pick(services),
      msg: pick(plain)(),
    });
  } else {
    line = `${ts()} ${pick(["INFO", "DEBUG", "WARN"])} ${pick(services)} ${pick(plain)()}`;
  }
  records++;
  out.push(line);
  bytes += Buffer.byteLength(line) + 1;
  if (out.length >= 10000) {
    process.stdout.write(out.join("\n") + "\n");
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join("\n") + "\n");
process.stderr.write(JSON.stringify({ records, failures: counts }) + "\n");
