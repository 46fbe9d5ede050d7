#!/usr/bin/env node
/**
 * node bench/identity.mjs (after `npx tsup`): what explainingCredential costs a caller whose getToken
 * succeeds. The credential resolves at once with a token it already holds (the cheapest credential there
 * is, so the wrapper's share is as large as it can be); `getToken` is awaited in a loop through the wrapper
 * and bare, in alternating rounds of the same process, and each figure is the median over the rounds.
 * The same with the real ClientSecretCredential holding a cached token (its requests answered in-process by
 * an httpClient, so no network is involved), which is what an SDK client's getToken costs in practice.
 * Also, for scale: serializeError on an auth failure and on a plain error, against JSON.stringify of it.
 */
import { createHttpHeaders } from "@azure/core-rest-pipeline";
import { ClientSecretCredential } from "@azure/identity";
import { explainingCredential } from "../dist/identity.js";
import { serializeError } from "../dist/index.js";

const token = { token: "bench-access-token", expiresOnTimestamp: Date.now() + 3_600_000 };
const bare = {
  immediate: { getToken: async () => token },
  // A credential that does a little async work first, as a cached token lookup does.
  "three awaits": {
    async getToken() {
      await null;
      await null;
      await null;
      return token;
    },
  },
};

/** Answers the credential's discovery and token requests in-process; counts the token requests. */
const base = "https://login.invalid";
let tokenRequests = 0;
const httpClient = {
  async sendRequest(request) {
    const path = new URL(request.url).pathname;
    const tenant = path.split("/")[1];
    let body = {};
    if (path.endsWith("/openid-configuration"))
      body = {
        token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
        issuer: `${base}/${tenant}/v2.0`,
        authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
      };
    else if (path.endsWith("/token")) {
      tokenRequests++;
      body = { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: "bench-token" };
    }
    const headers = createHttpHeaders({ "content-type": "application/json" });
    return { request, status: 200, headers, bodyAsText: JSON.stringify(body) };
  },
};
// Invented IDs and secret.
const real = new ClientSecretCredential(
  "0f1e2d3c-4b5a-4697-8877-665544332211",
  "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  "bench-secret-not-real",
  { authorityHost: base, disableInstanceDiscovery: true, httpClient },
);

async function loop(credential, n) {
  let sink = 0;
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += (await credential.getToken("https://vault.azure.net/.default")) ? 1 : 0;
  const ns = Number(process.hrtime.bigint() - t) / n;
  if (sink !== n) throw new Error("a getToken returned no token");
  return ns;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ns) => (ns > 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);

const RUNS = [
  ["immediate", bare.immediate, 200_000, 21],
  ["three awaits", bare["three awaits"], 200_000, 21],
  ["ClientSecret*", real, 500, 11],
];
console.log(
  "getToken on success: median ns per awaited call over alternating rounds (calls per round × rounds)\n",
);
console.log("credential      bare        wrapped     wrapped/bare  difference per call  (calls × rounds)");
for (const [name, credential, N, ROUNDS] of RUNS) {
  const wrapped = explainingCredential(credential, { appendSummary: true, onExplanation() {} });
  await loop(credential, N);
  await loop(wrapped, N);
  const a = [];
  const b = [];
  const ratios = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so a drift in the machine's speed falls on both.
    let x;
    let y;
    if (r % 2 === 0) {
      x = await loop(credential, N);
      y = await loop(wrapped, N);
    } else {
      y = await loop(wrapped, N);
      x = await loop(credential, N);
    }
    a.push(x);
    b.push(y);
    ratios.push(y / x);
  }
  const ma = median(a);
  const mb = median(b);
  console.log(
    `${name.padEnd(15)} ${fmt(ma).padEnd(11)} ${fmt(mb).padEnd(11)} ${median(ratios).toFixed(3).padEnd(13)} ${fmt(mb - ma).padEnd(20)} (${N} × ${ROUNDS})`,
  );
}
console.log(`(* the real credential, token cached: ${tokenRequests} token request(s) in all)`);

// For scale: what a logger pays per logged error.
function time(fn, n) {
  for (let i = 0; i < n; i++) fn();
  const samples = [];
  for (let r = 0; r < 9; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t) / n);
  }
  return median(samples);
}
const auth = Object.assign(
  new Error(
    "invalid_client: AADSTS7000215: Invalid client secret provided. Trace ID: 0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9 Correlation ID: 1b2c3d4e-5f60-4172-9384-a5b6c7d8e9f0",
  ),
  { name: "AuthenticationError", statusCode: 401 },
);
const plain = new TypeError("Cannot read properties of undefined (reading 'id')");
const std = (e) => JSON.stringify({ type: e.constructor.name, message: e.message, stack: e.stack });
console.log("\nserializeError, per error, against JSON.stringify({ type, message, stack })");
for (const [name, e] of [
  ["auth failure", auth],
  ["plain TypeError", plain],
]) {
  const s = time(() => serializeError(e), 500);
  const j = time(() => std(e), 5000);
  console.log(`${name.padEnd(15)} ${fmt(s).padEnd(11)} stringify ${fmt(j).padEnd(9)} ${(s / j).toFixed(0)}x`);
}
