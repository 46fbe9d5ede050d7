#!/usr/bin/env node
/**
 * npm run bench:adversarial: feed adversarial inputs (runs of the characters and fragments each pattern
 * keys on) to explain() and to every pattern in src/patterns.ts, at 256 KiB, 512 KiB and 1 MiB.
 * Reports the worst 1 MiB case, each input's growth from 512 KiB to 1 MiB (≈2× is linear), and the
 * figures against a linear baseline in the same process (JSON.stringify of the same input).
 * Exits 1 if an input grows super-linearly (more than 3× per doubling) or explains in 50 ms or more.
 */
import { explain, render } from "../src/index.ts";
import { PATTERNS } from "../src/patterns.ts";

const KiB = 1024;
const SIZES = [256 * KiB, 512 * KiB, 1024 * KiB];

/** Fragments the parsers and patterns key on; each is repeated to the target size. */
const FRAGMENTS = {
  letters: "a",
  digits: "0",
  spaces: " ",
  tabsAndSpaces: " \t",
  newlines: "\n",
  crlf: "\r\n",
  aadsts: "AADSTS",
  aadstsDigits: "AADSTS1",
  aadstsColon: "AADSTS7000215: ",
  traceId: "Trace ID: ",
  guidish: "aaaaaaaa-",
  guids: "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d ",
  jwtHead: "eyJ",
  jwtDots: "eyJa.",
  bearer: "Bearer ",
  secretAssign: "client_secret=",
  secretJson: '"client_secret":',
  entraShape: "aaa1Q~",
  pemBegin: "-----BEGIN ",
  dashes: "-",
  braces: "{",
  jsonOpen: '{"error":"',
  quotes: '"',
  backslashes: "\\",
  escapedQuotes: '\\"',
  unicodeEscapes: "\\u00",
  urls: "https://login.microsoftonline.com/",
  query: "&error=",
  percent: "%2",
  credential: "Credential: ",
  chainLine: "\tEnvironmentCredential: ",
  response: "RESPONSE 401: ",
  python: "azure.core.exceptions.ClientAuthenticationError: ",
  dotnet: "Azure.Identity.AuthenticationFailedException: ",
  parens: "(",
  brackets: "[",
  angle: "<",
  colons: ":",
  timestamp: "2026-11-27 10:20:30",
  equals: "=",
  semicolons: "AccountKey=;",
};

/** A generator per pattern too: the pattern's own literal characters, repeated. */
for (const [name, re] of Object.entries(PATTERNS)) {
  const literal = re.source
    .replace(/\\[dDsSwWbB]/g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/[()[\]{}?*+|^$]/g, "")
    .slice(0, 40);
  if (literal.length > 0) FRAGMENTS[`pattern:${name}`] = literal;
}

const make = (fragment, size) => fragment.repeat(Math.ceil(size / fragment.length)).slice(0, size);

/**
 * Best of `rounds` timings. The heap is collected before each one (with --expose-gc, as npm run
 * bench:adversarial runs it), so a round pays for its own garbage, not for the previous input's.
 */
function ms(fn, rounds = 5) {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    globalThis.gc?.();
    const t = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return best;
}

// Warm-up so the first input does not pay for compilation.
for (let i = 0; i < 50; i++) render(explain(make("AADSTS7000215: x ", 4 * KiB)), { format: "text" });

const rows = [];
for (const [name, fragment] of Object.entries(FRAGMENTS)) {
  const times = SIZES.map((size) => {
    const s = make(fragment, size);
    return ms(() => explain(s));
  });
  const big = make(fragment, 1024 * KiB);
  const baseline = ms(() => JSON.stringify(big));
  rows.push({
    name,
    t256: times[0],
    t512: times[1],
    t1m: times[2],
    growth: times[2] / Math.max(times[1], 0.05),
    baseline,
  });
}

// Every pattern on its own, on each named 1 MiB input and on its own literal characters.
let worstPattern = { ms: 0 };
for (const [pname, re] of Object.entries(PATTERNS)) {
  const inputs = Object.entries(FRAGMENTS).filter(
    ([n]) => !n.startsWith("pattern:") || n === `pattern:${pname}`,
  );
  for (const [iname, fragment] of inputs) {
    const s = make(fragment, 1024 * KiB);
    const t = ms(() => {
      const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
      let n = 0;
      while (g.exec(s) && n++ < 100_000) if (g.lastIndex === 0) break;
    }, 1);
    if (t > worstPattern.ms) worstPattern = { ms: t, pattern: pname, input: iname };
  }
}

// The leaders are timed again, 15 more rounds at 1 MiB and 512 KiB: on a shared machine one slow round
// can put a 25 ms input at the top, and the worst case should be the input's cost, not the noise's.
rows.sort((a, b) => b.t1m - a.t1m);
for (const r of rows.slice(0, 8)) {
  const fragment = FRAGMENTS[r.name];
  const s512 = make(fragment, 512 * KiB);
  const s1m = make(fragment, 1024 * KiB);
  r.t512 = Math.min(
    r.t512,
    ms(() => explain(s512), 15),
  );
  r.t1m = Math.min(
    r.t1m,
    ms(() => explain(s1m), 15),
  );
  r.growth = r.t1m / Math.max(r.t512, 0.05);
}
rows.sort((a, b) => b.t1m - a.t1m);
console.log(
  `explain() on adversarial inputs (${rows.length} inputs; best of 5, the 8 slowest best of 20, heap collected before each; growth = 1 MiB / 512 KiB time)`,
);
console.log("  input                          256K ms  512K ms   1M ms  growth  vs JSON.stringify(1M)");
for (const r of rows.slice(0, 12))
  console.log(
    `  ${r.name.padEnd(30)} ${r.t256.toFixed(1).padStart(7)} ${r.t512.toFixed(1).padStart(8)} ${r.t1m.toFixed(1).padStart(7)} ${r.growth.toFixed(2).padStart(6)}×  ${(r.t1m / r.baseline).toFixed(0).padStart(6)}×`,
  );
const worst = rows[0];
const steepest = [...rows].sort((a, b) => b.growth - a.growth)[0];
console.log(`  … ${rows.length - 12} more`);
console.log(`worst 1 MiB explain: ${worst.t1m.toFixed(1)} ms (${worst.name}); target < 50 ms`);
console.log(`steepest growth per doubling: ${steepest.growth.toFixed(2)}× (${steepest.name}); linear ≈ 2×`);
console.log(
  `slowest single pattern on a 1 MiB input: ${worstPattern.ms.toFixed(1)} ms (${worstPattern.pattern} on ${worstPattern.input})`,
);
if (worst.t1m >= 50 || rows.some((r) => r.t1m > 5 && r.growth > 3)) process.exitCode = 1;
