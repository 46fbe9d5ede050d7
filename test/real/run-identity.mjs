// Runs the built aadsts/identity wrapper around the real @azure/identity credentials, in its own process so
// that NODE_EXTRA_CA_CERTS (the stand-in's certificate), PATH and a clean AZURE_* environment apply to it
// alone. Prints one JSON line: for each case, what the caller of the wrapped credential (or of the
// pipeline) saw.

import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
} from "@azure/core-rest-pipeline";
import {
  AzureCliCredential,
  ChainedTokenCredential,
  ClientSecretCredential,
  EnvironmentCredential,
} from "@azure/identity";
import { explainingCredential, explanationOf } from "../../dist/identity.js";
import { serializeError } from "../../dist/index.js";

const s = JSON.parse(process.env.AADSTS_IDENTITY ?? "{}");
const authorityHost = process.env.AADSTS_AUTHORITY_HOST;
const common = { authorityHost, disableInstanceDiscovery: true };
const scope = "https://vault.azure.net/.default";
const SECRET = "not-a-real-secret-value";

const badSecret = () => new ClientSecretCredential(s.badTenant, s.clientId, SECRET, common);
const goodSecret = () => new ClientSecretCredential(s.goodTenant, s.clientId, SECRET, common);

/** A credential that records the error its inner credential threw, and its message at that moment. */
function recording(inner) {
  const seen = { error: undefined, message: undefined };
  return {
    seen,
    getToken: (scopes, options) =>
      inner.getToken(scopes, options).catch((e) => {
        seen.error = e;
        seen.message = e?.message;
        throw e;
      }),
  };
}

/** What the same call throws without the wrapper: the class and message a caller gets today. */
let raw;
try {
  await badSecret().getToken(scope);
} catch (e) {
  raw = e;
}

/** What a caller can tell about the error it caught. */
function report(caught, seen) {
  const ex = explanationOf(caught);
  return {
    name: caught?.name,
    className: caught?.constructor?.name,
    rawName: raw?.name,
    sameClassAsRaw: caught?.constructor === raw?.constructor,
    sameObject: seen ? caught === seen.error : undefined,
    messageBefore: seen?.message,
    message: caught?.message,
    stackHead: typeof caught?.stack === "string" ? caught.stack.split(/\n\s+at /)[0] : undefined,
    enumerableKeys: caught && typeof caught === "object" ? Object.keys(caught) : [],
    explanation: ex
      ? {
          top: ex.matches[0]?.id ?? null,
          confidence: ex.matches[0]?.confidence ?? null,
          link: ex.matches[0]?.links[0]?.url ?? null,
          summary: ex.summary,
          parsed: ex.parsed,
        }
      : null,
    serialized: serializeError(caught),
  };
}

async function attempt(fn) {
  try {
    return { token: (await fn())?.token ?? null };
  } catch (caught) {
    return { thrown: true, caught };
  }
}

const out = {};

// 1. A ClientSecretCredential on its own, with and without the summary appended.
for (const appendSummary of [false, true]) {
  const rec = recording(badSecret());
  const r = await attempt(() => explainingCredential(rec, { appendSummary }).getToken(scope));
  out[appendSummary ? "aloneAppended" : "alone"] = r.thrown ? report(r.caught, rec.seen) : r;
}

// 2. Inside a chain: each chain is run with its members wrapped and bare, and must end the same way.
// Unavailable members (no AZURE_* variables, no `az` on PATH) are skipped; so, with this SDK, is a member
// whose token request failed (MSAL's server error reaches the chain as an AuthenticationRequiredError).
{
  const chains = {
    unavailableThenGood: () => [new EnvironmentCredential(common), new AzureCliCredential(), goodSecret()],
    failingThenGood: () => [new EnvironmentCredential(common), badSecret(), goodSecret()],
    allUnavailable: () => [new EnvironmentCredential(common), new AzureCliCredential()],
  };
  const outcome = (r) =>
    r.thrown
      ? {
          thrown: r.caught?.name,
          members: Array.isArray(r.caught?.errors) ? r.caught.errors.map((e) => e?.name) : null,
        }
      : { token: r.token };
  out.chain = {};
  for (const [name, members] of Object.entries(chains)) {
    const explained = [];
    const onExplanation = (ex, err) =>
      explained.push({ name: err?.name, top: ex.matches[0]?.id ?? null, summary: ex.summary });
    const bare = await attempt(() => new ChainedTokenCredential(...members()).getToken(scope));
    const wrapped = await attempt(() =>
      new ChainedTokenCredential(
        ...members().map((m) => explainingCredential(m, { onExplanation, appendSummary: true })),
      ).getToken(scope),
    );
    out.chain[name] = {
      bare: outcome(bare),
      wrapped: outcome(wrapped),
      explained,
      // The aggregate a chain throws holds the members' own errors, each with its explanation.
      membersExplained: Array.isArray(wrapped.caught?.errors)
        ? wrapped.caught.errors.map((e) => explanationOf(e)?.matches[0]?.id ?? null)
        : null,
      serialized: wrapped.thrown ? serializeError(wrapped.caught) : null,
    };
  }
}

// 3. A client call through core-rest-pipeline's bearer-token policy: the token failure reaches the caller
// of the pipeline, explained. With a credential that works, the request reaches the service.
{
  const send = async (credential) => {
    const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 } });
    pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: scope }));
    const request = createPipelineRequest({
      url: `${authorityHost}/service/${s.service}/secrets/db-password`,
      method: "GET",
    });
    return pipeline.sendRequest(createDefaultHttpClient(), request);
  };
  const rec = recording(badSecret());
  const failed = await attempt(() => send(explainingCredential(rec, { appendSummary: true })));
  out.pipeline = failed.thrown ? report(failed.caught, rec.seen) : { thrown: false };
  try {
    const ok = await send(explainingCredential(goodSecret()));
    out.pipelineOk = { status: ok.status, body: ok.bodyAsText };
  } catch (e) {
    out.pipelineOk = { error: String(e) };
  }
}

process.stdout.write(`${JSON.stringify(out)}\n`);
