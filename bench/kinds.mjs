#!/usr/bin/env node
/**
 * npm run bench:kinds: what one kind of failure costs scan the first time it is met. A generated log
 * (bench/genlog.mjs, --mb 40 --seed 7 by default) holds about 1,000 kinds (code × shape × credential ×
 * service name); one print of each is parsed and matched in a fresh process, in log order, and the time
 * is printed per phase: the first (one-off set-up), the next 9, the next 90, and so on. A second round
 * over the same texts in the same process gives the cost once the code is warm.
 *
 *   npm run bench:kinds [-- --mb 40 --seed 7]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

if (process.argv[2] === "--time") {
  // The child: time parse + match over the texts in the file given, in order, cold then warm.
  const texts = JSON.parse(readFileSync(process.argv[3], "utf8"));
  const { parse, match } = await import("../dist/index.js");
  const run = (list) => {
    const t = process.hrtime.bigint();
    for (const text of list) match(parse(text), { text, limit: 3 });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const phases = [];
  for (let from = 0, to = 1; from < texts.length; from = to, to = Math.min(texts.length, to * 10))
    phases.push({ from, to, ms: run(texts.slice(from, to)) });
  const warm = run(texts);
  console.log(JSON.stringify({ phases, warm, total: phases.reduce((a, p) => a + p.ms, 0) }));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), "aadsts-kinds-"));
try {
  const gen = spawnSync(
    process.execPath,
    [join(root, "bench/genlog.mjs"), "--mb", arg("mb", "40"), "--seed", arg("seed", "7")],
    { encoding: "utf8", maxBuffer: 1 << 30 },
  );
  const { scanAll } = await import("../dist/index.js");
  const { hits } = await scanAll([gen.stdout]);
  // One print per kind: its excerpt with GUIDs and times masked stands for its kind (close to scan's memo
  // key, which masks the failure's own text and keeps a GUID the catalog names).
  const mask = (t) =>
    t
      .replace(/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g, "G")
      .replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?/g, "T");
  const seen = new Set();
  const texts = [];
  for (const h of hits) {
    const key = mask(h.excerpt);
    if (seen.has(key)) continue;
    seen.add(key);
    texts.push(h.excerpt);
  }
  const file = join(dir, "kinds.json");
  writeFileSync(file, JSON.stringify(texts));
  const child = spawnSync(process.execPath, [new URL(import.meta.url).pathname, "--time", file], {
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(child.stderr);
  const { phases, warm, total } = JSON.parse(child.stdout);
  console.log(
    `${hits.length} failures, ${texts.length} kinds; parse + match of one print per kind, fresh process:`,
  );
  for (const p of phases)
    console.log(
      `  kinds ${String(p.from + 1).padStart(4)}–${String(p.to).padEnd(4)}  ${p.ms.toFixed(1).padStart(7)} ms  (${((p.ms * 1000) / (p.to - p.from)).toFixed(0).padStart(6)} µs each)`,
    );
  console.log(
    `  all ${texts.length}: ${total.toFixed(0)} ms cold; the same texts again, warm: ${warm.toFixed(0)} ms (${((warm * 1000) / texts.length).toFixed(0)} µs each)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
