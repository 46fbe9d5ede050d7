/**
 * The real @azure/identity and @azure/msal-node, driven to real failures against a local Entra stand-in on
 * loopback (HTTPS with a certificate made at start-up, trusted through NODE_EXTRA_CA_CERTS). For every
 * scenario: explain(err), explain(String(err)) and explain(err.stack) give the expected entry, and the
 * fields the stand-in sent come back exactly. The SDK's text must also match test/fixtures/real/, so a new
 * SDK release that prints differently is noticed (regenerate with `npm run fixtures:real`).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StandIn, startStandIn } from "./helpers/entra-standin.js";
import { type RunResult, runScenario } from "./real/driver.js";
import { normaliseRealText, REAL_FIXTURES } from "./real/normalise.js";
import { identities, SCENARIOS, standInConfig } from "./real/scenarios.js";

let standIn: StandIn;
const results = new Map<string, RunResult>();

beforeAll(async () => {
  standIn = await startStandIn(standInConfig());
  // Scenarios run in parallel child processes; each has its own tenant or path on the stand-in.
  await Promise.all(
    SCENARIOS.map(async (s, i) => {
      results.set(s.id, await runScenario(standIn, s, i));
    }),
  );
}, 120_000);

afterAll(async () => {
  await standIn?.close();
});

describe("real SDK failures against the local Entra stand-in", () => {
  SCENARIOS.forEach((scenario, index) => {
    describe(scenario.id, () => {
      const get = () => {
        const r = results.get(scenario.id);
        if (!r?.thrown) throw new Error(`${scenario.id} did not throw`);
        return r;
      };

      it("is explained from the thrown object", () => {
        const r = get();
        expect(r.fromObject?.top).toBe(scenario.top);
        if (scenario.fields) expect(r.fromObject?.parsed).toMatchObject(scenario.fields);
      });

      it("is explained from String(err) and from err.stack", () => {
        const r = get();
        expect(r.fromString?.top, "String(err)").toBe(
          scenario.stringTop === undefined ? scenario.top : scenario.stringTop,
        );
        expect(r.fromStack?.top, "err.stack").toBe(
          scenario.stackTop === undefined ? scenario.top : scenario.stackTop,
        );
      });

      if (scenario.kind === "dac") {
        it("tells one story from the object and from String(err): the same steps, each named", () => {
          const r = get();
          const steps = (form: RunResult["fromObject"]) =>
            form?.chain?.map(({ credential, outcome, detail }) => ({ credential, outcome, detail }));
          expect(steps(r.fromString)).toEqual(steps(r.fromObject));
          expect(r.fromString?.decidedBy).toEqual(r.fromObject?.decidedBy);
          for (const step of r.fromObject?.chain ?? []) {
            expect(step.credential, JSON.stringify(step)).toMatch(/^[A-Za-z]+Credential$/);
            expect(step.detail, JSON.stringify(step)).not.toBe("");
          }
        });
      }

      if (scenario.token) {
        it("returns every field the stand-in sent", () => {
          const r = get();
          const id = identities(index);
          const expected = {
            codes: [scenario.token?.code],
            traceId: id.traceId,
            correlationId: id.correlationId,
            timestamp: id.timestamp.replace(" ", "T"),
          };
          for (const form of [r.fromObject, r.fromString, r.fromStack])
            expect(form?.parsed).toMatchObject(expected);
          // The object also carries what its text may not: the OAuth error, and MSAL's sub-error.
          expect(r.fromObject?.parsed.error).toBe(scenario.token?.error);
          if (scenario.token?.suberror) expect(r.fromObject?.parsed.suberror).toBe(scenario.token.suberror);
        });
      }

      it("prints what test/fixtures/real holds (SDK drift check)", () => {
        const r = get();
        const stored = readFileSync(new URL(`${REAL_FIXTURES}/${scenario.id}.txt`, import.meta.url), "utf8");
        expect(normaliseRealText(r.string ?? "", standIn)).toBe(stored);
      });
    });
  });

  it("every request reached the stand-in's own routes", () => {
    // The children run with HTTP(S)_PROXY pointing at a closed loopback port, so a request for any other
    // host would fail; what did arrive is only discovery, token, managed identity and service traffic.
    expect(standIn.requests.length).toBeGreaterThan(SCENARIOS.length);
    for (const r of standIn.requests)
      expect(r).toMatch(
        /^(?:https GET \/[\w-]+\/v2\.0\/\.well-known\/openid-configuration|https POST \/[\w-]+\/oauth2\/v2\.0\/token|http GET \/\w+\/metadata\/identity\/|https GET \/service\/)/,
      );
  });
});
