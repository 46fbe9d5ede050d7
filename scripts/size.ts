/**
 * Browser bundles of the built package, measured as an app's bundler would make them: esbuild, platform
 * `browser`, minified, tree-shaken, then gzipped (level 9). Each scenario is what one kind of user
 * imports. A scenario fails when it pulls in a Node built-in, a package it must not need, or grows past
 * its budget. `npm run size` prints the table and exits 1 on any failure; test/browser-bundle.test.ts
 * asserts the same.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { nodeBuiltinRecorder } from "./lib/node-builtins.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface Scenario {
  name: string;
  /** What the user writes. Resolved against the built `dist/`. */
  code: string;
  /** Gzipped bytes allowed. */
  budget: number;
  /** Packages that must not end up in this bundle. */
  forbid: readonly string[];
}

export interface SizeReport {
  name: string;
  minified: number;
  gzipped: number;
  budget: number;
  /** Bytes in the minified output, by package ("aadsts" for our code, "catalog" for the compiled catalog). */
  byPackage: Record<string, number>;
  /** Node built-ins the bundle tried to import. */
  builtins: string[];
  /** Forbidden packages that were bundled anyway. */
  forbidden: string[];
  problems: string[];
}

const KB = 1024;

// The compiled catalog is three quarters of every bundle (about 317 KB gzipped of 1,038 entries), and
// grows with each entry and cause; our own code is reported apart ("aadsts" below). Budgets were raised by
// 10 KB each when the catalog passed 1,000 entries and explain()'s fast paths (prefilter, shape) landed,
// and by 20 KB in the sixth session for its no-code families (20 entries and 11 causes: 12.6 KB).
// Past about 460 KB the catalog needs a denser encoding (it repeats link URLs and per-SDK boilerplate). A
// first step, in the seventh session: the closing "Microsoft's lookup" line of about 870 mitigations is
// rebuilt at load (splitLookup in src/catalog/lookup-url.ts), 7 KB less in every bundle.
//
// Eighth session, a denser stored form (src/catalog/decode.ts lists the steps). Where the catalog's
// 1,060 entries spent their 323 KB gzipped before it, measured by leaving each field out: mitigation 99 KB,
// description 55, mitigationBySdk 48 (go 9, dotnet 8.5, js 7.8, java 7.6, python 7.2), causes 34, match 16
// (messages 10, codes 3.4), title 12, message 10, source 9, id 4.6, topic 4.1, related 3.7, name 3.4,
// category, actor, retryable and kind 4.7 together. gzip looks back only 32 KB, and with a 1 MB window
// (zstd, same data) the catalog would be 22% smaller: most of what repeats is farther apart than that.
// Saved, in every bundle: id, name and codes read from ENTRY_KEYS (11 KB), a table of link URLs linked
// more than once (6 KB), compact sources (4 KB), enum fields as indexes (3 KB), ENTRY_KEYS' "aadsts-"
// ids left out (2.7 KB) and the entries of each block ordered by SDK wordings and topic (2.5 KB): the
// four bundles went from 392.1, 411.2, 457.0 and 336.5 KB to 364.9, 384.0, 429.8 and 309.6 KB gzipped
// (27 KB each). Module load and the first explain() of a process, which decodes every entry, take the
// time they took before (1.00x each, CPU time of 21 paired cold runs): the decoder is spreads and named
// assignments; loops with keyed stores (one-letter field names would need one) cost 30 ms there. What
// is left is prose: the texts are 256 KB of the 298 KB the stored entries now take.

// Tenth session: the MSAL libraries' and Microsoft's CLIs' own error codes and messages (data/msal-*.yaml,
// data/tools.yaml: 111 entries, 1,088 -> 1,200) added about 40 KB gzipped to every bundle, and the token
// validation and OAuth client library entries about as much again; each budget was raised by 60 KB. The
// remedy for the size, if it matters to a browser user, is still the denser encoding described above (a
// window longer than gzip's 32 KB), or leaving the library entries out of a browser build.

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "core: parse, match, explain, lookup",
    code: `export { parse, match, explain, lookup } from "./dist/index.js";`,
    budget: 460 * KB,
    forbid: ["marked", "yaml"],
  },
  {
    name: "core + render (Markdown rendering)",
    code: `export { explain, render } from "./dist/index.js";`,
    budget: 480 * KB,
    forbid: ["yaml"],
  },
  {
    name: "everything, user catalogs included",
    code: `export * from "./dist/index.js";`,
    budget: 520 * KB,
    forbid: [],
  },
  {
    name: "aadsts/catalog (raw data only)",
    code: `export { entries } from "./dist/catalog.js";`,
    budget: 410 * KB,
    forbid: ["marked", "yaml", "zod"],
  },
];

/** tsup marks each module's start in its chunks; the chunk holding the compiled catalog is reported apart. */
function isCatalogChunk(input: string): boolean {
  try {
    return readFileSync(join(ROOT, input), "utf8").includes("// src/generated/catalog.ts");
  } catch {
    return false;
  }
}

function packageOf(input: string): string {
  const i = input.lastIndexOf("node_modules/");
  if (i < 0) return isCatalogChunk(input) ? "catalog" : "aadsts";
  const rest = input.slice(i + "node_modules/".length).split("/");
  return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? input);
}

/** Bundles one scenario (or any code importing from `./dist/…` or `./src/…`) for the browser. */
export async function measure(scenario: Scenario): Promise<SizeReport> {
  const seen = new Set<string>();
  const result = await build({
    stdin: { contents: scenario.code, resolveDir: ROOT, loader: "ts", sourcefile: "scenario.ts" },
    bundle: true,
    minify: true,
    treeShaking: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [nodeBuiltinRecorder(seen)],
  });
  const out = result.outputFiles[0]?.contents ?? new Uint8Array();
  const byPackage: Record<string, number> = {};
  for (const o of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(o.inputs)) {
      if (bytesInOutput === 0) continue;
      const name = packageOf(input);
      byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
    }
  }
  const builtins = [...seen].sort();
  const forbidden = scenario.forbid.filter((p) => (byPackage[p] ?? 0) > 0);
  const gzipped = gzipSync(out, { level: 9 }).length;
  const problems: string[] = [];
  if (builtins.length > 0) problems.push(`imports Node built-ins: ${builtins.join(", ")}`);
  if (forbidden.length > 0) problems.push(`bundles ${forbidden.join(", ")}, which it must not need`);
  if (gzipped > scenario.budget)
    problems.push(`${fmt(gzipped)} gzipped is over its budget of ${fmt(scenario.budget)}`);
  return {
    name: scenario.name,
    minified: out.length,
    gzipped,
    budget: scenario.budget,
    byPackage,
    builtins,
    forbidden,
    problems,
  };
}

function fmt(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

async function main(): Promise<number> {
  const reports = await Promise.all(SCENARIOS.map(measure));
  const width = Math.max(...reports.map((r) => r.name.length));
  console.log(
    `${"bundle".padEnd(width)}  ${"minified".padStart(10)}  ${"gzipped".padStart(9)}  ${"budget".padStart(9)}  share`,
  );
  for (const r of reports) {
    const share = `${((100 * r.gzipped) / r.budget).toFixed(0)}%`;
    const parts = Object.entries(r.byPackage)
      .filter(([, n]) => n >= 100)
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `${p} ${fmt(n)}`)
      .join(", ");
    console.log(
      `${r.name.padEnd(width)}  ${fmt(r.minified).padStart(10)}  ${fmt(r.gzipped).padStart(9)}  ${fmt(r.budget).padStart(9)}  ${share.padStart(5)}  (${parts})`,
    );
  }
  const failed = reports.filter((r) => r.problems.length > 0);
  for (const r of failed) for (const p of r.problems) console.error(`size: ${r.name}: ${p}`);
  return failed.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`size: ${(e as Error).message}`);
      process.exit(2);
    },
  );
}
