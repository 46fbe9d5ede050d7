/**
 * Regenerate test/fixtures/real/ from the installed @azure/identity and @azure/msal-node: run every
 * scenario against the local stand-in and store the SDK's own text (String(err)), with the fields parse
 * reports. It refuses to write a fixture whose IDs do not come back exactly as the stand-in sent them.
 * Usage: npm run fixtures:real
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parse } from "../src/index.js";
import { startStandIn } from "../test/helpers/entra-standin.js";
import { runScenario } from "../test/real/driver.js";
import { normaliseRealText } from "../test/real/normalise.js";
import { identities, SCENARIOS, standInConfig } from "../test/real/scenarios.js";

const dir = new URL("../test/fixtures/real/", import.meta.url);
mkdirSync(dir, { recursive: true });
const standIn = await startStandIn(standInConfig());
const versions = {
  identity: (await import("@azure/identity/package.json", { with: { type: "json" } })).default.version,
  msalNode: (await import("@azure/msal-node/package.json", { with: { type: "json" } })).default.version,
};
let failed = 0;
try {
  await Promise.all(
    SCENARIOS.map(async (scenario, index) => {
      const r = await runScenario(standIn, scenario, index);
      if (!r.thrown || r.string === undefined) throw new Error(`${scenario.id} did not throw`);
      const text = normaliseRealText(r.string, standIn);
      const parsed = parse(text);
      if (scenario.token) {
        const id = identities(index);
        const ok =
          parsed.codes.includes(scenario.token.code) &&
          parsed.traceId === id.traceId &&
          parsed.correlationId === id.correlationId &&
          parsed.timestamp === id.timestamp.replace(" ", "T");
        if (!ok) {
          failed++;
          console.error(`${scenario.id}: the IDs the stand-in sent did not come back; not written`);
          return;
        }
      }
      const {
        message: _m,
        errorDescription: _d,
        timestampText: _t,
        exception: _e,
        command: _c,
        cmdlet: _p,
        conflicts: _x,
        chain,
        ...fields
      } = parsed;
      const expected = {
        source: `real: @azure/identity ${versions.identity} / @azure/msal-node ${versions.msalNode}, scenario ${scenario.id} against the local stand-in (scripts/real-fixtures.ts)`,
        top: scenario.stringTop === undefined ? scenario.top : scenario.stringTop,
        fields: chain ? { ...fields, chain: chain.map((m) => ({ credential: m.credential })) } : fields,
      };
      writeFileSync(new URL(`${scenario.id}.txt`, dir), text);
      writeFileSync(new URL(`${scenario.id}.expected.json`, dir), `${JSON.stringify(expected, null, 2)}\n`);
    }),
  );
} finally {
  await standIn.close();
}
console.log(
  `wrote ${SCENARIOS.length - failed} fixtures to test/fixtures/real (identity ${versions.identity}, msal-node ${versions.msalNode})`,
);
if (failed) process.exit(1);
