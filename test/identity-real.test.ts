import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Explanation, ParsedAuthError, SerializedError } from "../src/index.js";
import { type StandIn, startStandIn } from "./helpers/entra-standin.js";
import { runSandboxed } from "./real/driver.js";

const RUNNER = new URL("./real/run-identity.mjs", import.meta.url).pathname;
const DIST = new URL("../dist/", import.meta.url).pathname;

// Invented IDs.
const BAD_TENANT = "6d1f0e2a-3b4c-4d5e-8f60-718293a4b5c6";
const GOOD_TENANT = "7e2a1f3b-4c5d-4e6f-9a01-8293a4b5c6d7";
const CLIENT = "8f3b2a4c-5d6e-4f70-8b12-93a4b5c6d7e8";
const TRACE = "9a4c3b5d-6e7f-4081-9c23-a4b5c6d7e8f9";
const CORRELATION = "ab5d4c6e-7f80-4192-8d34-b5c6d7e8f90a";
const SERVICE = "identity-ok";

interface Reported {
  name: string;
  className: string;
  rawName: string;
  sameClassAsRaw: boolean;
  sameObject?: boolean;
  messageBefore?: string;
  message: string;
  stackHead?: string;
  enumerableKeys: string[];
  explanation: {
    top: string | null;
    confidence: string | null;
    link: string | null;
    summary: string;
    parsed: ParsedAuthError;
  } | null;
  serialized: SerializedError;
}

interface Output {
  alone: Reported;
  aloneAppended: Reported;
  chain: Record<
    "unavailableThenGood" | "failingThenGood" | "allUnavailable",
    {
      bare: ChainOutcome;
      wrapped: ChainOutcome;
      explained: Array<{ name: string; top: string | null; summary: Explanation["summary"] }>;
      membersExplained: Array<string | null> | null;
      serialized: SerializedError | null;
    }
  >;
  pipeline: Reported;
  pipelineOk: { status?: number; body?: string; error?: string };
}

type ChainOutcome = { token: string } | { thrown: string; members: string[] | null };

let standIn: StandIn;
let out: Output;

function run(): Promise<Output> {
  // No `az` on PATH, no AZURE_* variables: the CLI and environment credentials are unavailable.
  return runSandboxed<Output>(standIn, RUNNER, {
    AADSTS_IDENTITY: JSON.stringify({
      badTenant: BAD_TENANT,
      goodTenant: GOOD_TENANT,
      clientId: CLIENT,
      service: SERVICE,
    }),
  });
}

beforeAll(async () => {
  standIn = await startStandIn({
    tenants: {
      [BAD_TENANT]: {
        status: 401,
        error: "invalid_client",
        code: 7000222,
        text: `The provided client secret keys for app '${CLIENT}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
        traceId: TRACE,
        correlationId: CORRELATION,
        timestamp: "2025-04-15 10:20:30Z",
      },
      [GOOD_TENANT]: { token: true },
    },
    managedIdentity: {},
    service: { [SERVICE]: { status: 200, code: "Ok", message: "the stand-in service answered" } },
  });
  out = await run();
}, 90_000);

afterAll(async () => {
  await standIn?.close();
});

describe("a wrapped ClientSecretCredential on its own", () => {
  it("rethrows the SDK's own error object, class kept, explained", () => {
    const r = out.alone;
    expect(r.sameObject).toBe(true);
    expect(r.sameClassAsRaw).toBe(true);
    // With this SDK, MSAL's server error reaches the caller as an AuthenticationRequiredError.
    expect(r.name).toBe(r.rawName);
    expect(r.className).toBe("AuthenticationRequiredError");
    expect(r.explanation?.top).toBe("client-secret-expired");
    expect(r.explanation?.confidence).toBe("high");
    expect(r.explanation?.parsed).toMatchObject({
      codes: [7000222],
      traceId: TRACE,
      correlationId: CORRELATION,
      error: "invalid_client",
    });
    // Not enumerable: a logger that copies the error's own keys does not dump the explanation.
    expect(r.enumerableKeys).not.toContain("explanation");
  });

  it("leaves the message as the SDK wrote it without appendSummary", () => {
    const r = out.alone;
    expect(r.messageBefore).toContain("AADSTS7000222");
    expect(r.message).toBe(r.messageBefore);
    expect(r.message).not.toContain("aadsts:");
  });

  it("appends the summary and the top link with appendSummary, to the message and the stack", () => {
    const r = out.aloneAppended;
    expect(r.sameObject).toBe(true);
    expect(r.sameClassAsRaw).toBe(true);
    const summary = r.explanation?.summary.replace(/\.$/, "");
    expect(summary).toBe("AADSTS7000222 invalid_client: Expired client secret (client-secret-expired)");
    expect(r.explanation?.link).toMatch(/^https:\/\//);
    expect(r.message).toBe(`${r.messageBefore}\naadsts: ${summary}. See ${r.explanation?.link}`);
    expect(r.stackHead).toBe(`${r.name}: ${r.message}`);
    expect(r.message).not.toContain("not-a-real-secret-value");
  });

  it("serializes for a logger with the Entra fields", () => {
    expect(out.alone.serialized).toMatchObject({
      type: "AuthenticationRequiredError",
      message: out.alone.message,
      aadsts: {
        codes: [7000222],
        traceId: TRACE,
        correlationId: CORRELATION,
        id: "client-secret-expired",
        title: "Expired client secret",
        confidence: "high",
        summary: out.alone.explanation?.summary,
        link: out.alone.explanation?.link,
      },
    });
  });
});

describe("wrapped members of a ChainedTokenCredential", () => {
  it("end each chain as the bare members do", () => {
    for (const [name, c] of Object.entries(out.chain)) expect(c.wrapped, name).toEqual(c.bare);
  });

  it("go on past unavailable members to the one that answers, explaining each on the way", () => {
    const c = out.chain.unavailableThenGood;
    expect(c.wrapped).toEqual({ token: "standin-access-token" });
    expect(c.explained).toMatchObject([
      { name: "CredentialUnavailableError", top: "environment-incomplete-config" },
      { name: "CredentialUnavailableError", top: "azure-cli-not-found" },
    ]);
  });

  it("go on past a member whose token request failed, as the SDK's chain does", () => {
    const c = out.chain.failingThenGood;
    expect(c.wrapped).toEqual({ token: "standin-access-token" });
    expect(c.explained.map((e) => [e.name, e.top])).toEqual([
      ["CredentialUnavailableError", "environment-incomplete-config"],
      ["AuthenticationRequiredError", "client-secret-expired"],
    ]);
  });

  it("throw the chain's aggregate of the members' own, explained errors when none answers", () => {
    const c = out.chain.allUnavailable;
    expect(c.wrapped).toEqual({
      thrown: "AggregateAuthenticationError",
      members: ["CredentialUnavailableError", "CredentialUnavailableError"],
    });
    expect(c.membersExplained).toEqual(["environment-incomplete-config", "azure-cli-not-found"]);
    expect(c.serialized?.type).toBe("AggregateAuthenticationError");
    expect(c.serialized?.aggregateErrors?.map((e) => e.type)).toEqual([
      "CredentialUnavailableError",
      "CredentialUnavailableError",
    ]);
    expect(c.serialized?.aadsts?.summary).toContain("ChainedTokenCredential");
  });
});

describe("a bearer-token pipeline (core-rest-pipeline) over a wrapped credential", () => {
  it("hands the caller the credential's error, explained and summarised", () => {
    const r = out.pipeline;
    expect(r).toMatchObject({ sameObject: true, sameClassAsRaw: true });
    expect(r.explanation?.top).toBe("client-secret-expired");
    expect(r.message).toBe(
      `${r.messageBefore}\naadsts: AADSTS7000222 invalid_client: Expired client secret (client-secret-expired). See ${r.explanation?.link}`,
    );
  });

  it("reaches the service when the credential works", () => {
    expect(out.pipelineOk.error).toBeUndefined();
    expect(out.pipelineOk.status).toBe(200);
    expect(out.pipelineOk.body).toContain("the stand-in service answered");
  });

  it("sent every request to the stand-in", () => {
    expect(standIn.requests.some((r) => r.startsWith(`https GET /service/${SERVICE}/`))).toBe(true);
    expect(standIn.requests.some((r) => r.startsWith(`https POST /${BAD_TENANT}/oauth2/v2.0/token`))).toBe(
      true,
    );
  });
});

describe("the built aadsts/identity", () => {
  /** Every file an entry loads, following its relative imports and requires through the chunks. */
  function loaded(entry: string): string[] {
    const files = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const text = readFileSync(join(DIST, file), "utf8");
      for (const m of text.matchAll(/(?:from\s*|import\s*|require\()\s*["'](\.\/[^"']+)["']/g))
        visit((m[1] as string).slice(2));
    };
    visit(entry);
    return [...files];
  }

  it.each(["identity.js", "identity.cjs"])("%s loads nothing from @azure/* at run time", (entry) => {
    const files = loaded(entry);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const text = readFileSync(join(DIST, file), "utf8");
      expect(text, file).not.toMatch(/(?:from\s*|import\s*\(?\s*|require\(\s*)["']@azure\//);
    }
  });

  it("declares @azure/core-auth an optional peer, and uses only its types", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.peerDependencies["@azure/core-auth"]).toBeDefined();
    expect(pkg.peerDependenciesMeta["@azure/core-auth"]).toEqual({ optional: true });
    expect(pkg.dependencies["@azure/core-auth"]).toBeUndefined();
    expect(readFileSync(join(DIST, "identity.d.ts"), "utf8")).toMatch(/from ['"]@azure\/core-auth['"]/);
  });
});
