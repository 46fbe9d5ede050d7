#!/usr/bin/env node
/**
 * npm run bench:scan: generate a log with bench/genlog.mjs (default 200 MB, --mb N to change) and time,
 * in one run, `aadsts scan` on it, `grep -c AADSTS` on it, and a plain Node readline + /AADSTS\d+/ script.
 * Prints the ratios, checks the hit count against the generator's failure count, and reports peak RSS.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const mbArg = process.argv.indexOf("--mb");
const mb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 200;
const dir = mkdtempSync(join(tmpdir(), "aadsts-bench-"));
const log = join(dir, "app.log");

const out = openSync(log, "w");
const gen = spawnSync(process.execPath, [join(root, "bench/genlog.mjs"), "--mb", String(mb), "--seed", "7"], {
  stdio: ["ignore", out, "pipe"],
  encoding: "utf8",
});
closeSync(out);
const meta = JSON.parse(gen.stderr.trim());
const failures = Object.values(meta.failures).reduce((a, b) => a + b, 0);
const size = statSync(log).size;

function timed(cmd, args, opts = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 30, ...opts });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, r };
}
const best = (f, n = 3) => {
  let min;
  for (let i = 0; i < n; i++) {
    const x = f();
    if (!min || x.ms < min.ms) min = x;
  }
  return min;
};

const readlineScript = `
const rl = require("node:readline").createInterface({ input: require("node:fs").createReadStream(process.argv[1]), crlfDelay: Infinity });
let n = 0; const re = /AADSTS\\d+/;
rl.on("line", (l) => { if (re.test(l)) n++; });
rl.on("close", () => console.log(n));`;

const rss = join(root, "bench/report-rss.mjs");
const grep = best(() => timed("grep", ["-c", "AADSTS", log]));
const readline = best(() => timed(process.execPath, ["-e", readlineScript, log]));
const scan = best(() =>
  timed(process.execPath, ["--import", rss, join(root, "dist/cli.js"), "scan", log], {
    stdio: ["ignore", "pipe", "pipe"],
  }),
);
const hits = scan.r.stdout.split("\n").filter(Boolean).length;
const peak = Number(/maxrss=(\d+)/.exec(scan.r.stderr)?.[1] ?? 0) / 1024;

console.log(
  `aadsts scan benchmark: ${(size / 1048576).toFixed(0)} MiB, ${meta.records} records, ${failures} failures (generator)`,
);
console.log(
  `  aadsts scan         ${scan.ms.toFixed(0).padStart(7)} ms   ${hits} hits${hits === failures ? " (= generator)" : ` (generator says ${failures}!)`}`,
);
console.log(`  grep -c AADSTS      ${grep.ms.toFixed(0).padStart(7)} ms   ${grep.r.stdout.trim()} lines`);
console.log(
  `  readline + regex    ${readline.ms.toFixed(0).padStart(7)} ms   ${readline.r.stdout.trim()} lines`,
);
console.log(`  scan / grep         ${(scan.ms / grep.ms).toFixed(2)}×   (target ≤ 4×)`);
console.log(`  readline / scan     ${(readline.ms / scan.ms).toFixed(2)}×   (target ≥ 5×)`);
console.log(`  scan peak RSS       ${peak.toFixed(0)} MiB   (target ≤ 150 MiB)`);
rmSync(dir, { recursive: true, force: true });
if (hits !== failures) process.exitCode = 1;
