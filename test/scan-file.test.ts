/**
 * The CLI reads a regular file through a fast path (src/scan/node.ts: plain read calls into one reused
 * buffer, handed to the byte path of the line stage). It must find exactly what the generic path finds on
 * the same text given as a string: every hit, field for field, and the same summary. Small chunk sizes
 * put chunk ends inside lines, inside multi-line failures and inside multi-byte characters.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Hit, type ScanSummary, scanAll } from "../src/scan/index.js";
import { fileSource } from "../src/scan/node.js";

const root = new URL("..", import.meta.url).pathname;
const GENLOG = join(root, "bench/genlog.mjs");
const dir = mkdtempSync(join(tmpdir(), "aadsts-scan-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function texts(path: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    if (entry.isDirectory()) out.push(...texts(p));
    else if (entry.name.endsWith(".txt")) out.push(readFileSync(p, "utf8"));
  }
  return out;
}

type Scan = { hits: Hit[]; summary: ScanSummary };

/** The file path (reused buffer, `chunkSize` bytes at a time) and the generic path over the same text. */
async function bothPaths(
  text: string,
  name: string,
  chunkSize?: number,
): Promise<{ file: Scan; generic: Scan }> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const source = await fileSource(path, undefined, { reuse: true, ...(chunkSize ? { chunkSize } : {}) });
  return {
    file: await scanAll(source, { file: name }),
    generic: await scanAll([text], { file: name, lines: false }),
  };
}

function expectSame({ file, generic }: { file: Scan; generic: Scan }) {
  expect(file.summary).toEqual(generic.summary);
  expect(file.hits.length).toBe(generic.hits.length);
  for (let i = 0; i < generic.hits.length; i++) expect(file.hits[i]).toEqual(generic.hits[i]);
}

describe("scan: the CLI's file path finds what the generic path finds", () => {
  it("every fixture and corpus text, one file each, read in one chunk and in 7-byte chunks", async () => {
    const all = [...texts(join(root, "test/fixtures")), ...texts(join(root, "test/corpus/cases"))];
    expect(all.length).toBeGreaterThan(700);
    let hits = 0;
    for (const [i, text] of all.entries()) {
      const whole = await bothPaths(text, `t${i}.log`);
      expectSame(whole);
      hits += whole.generic.hits.length;
      if (i % 10 === 0) expectSame(await bothPaths(text, `t${i}.log`, 7));
    }
    expect(hits).toBeGreaterThan(500);
  }, 300_000);

  it("all the fixtures in one log, with a multi-byte character at every chunk end", async () => {
    const log = texts(join(root, "test/fixtures"))
      .map((t) => t.trimEnd())
      .join("\n\nnote — ünïcödé ✓ between failures\n\n");
    for (const size of [4096, 4097, 65_536]) expectSame(await bothPaths(log, `fixtures-${size}.log`, size));
  }, 120_000);

  for (const seed of [3, 11, 29]) {
    it(`a generated 6 MB log (seed ${seed}), in the default 2 MiB chunks and in 100,003-byte chunks`, async () => {
      const r = spawnSync(process.execPath, [GENLOG, "--mb", "6", "--seed", String(seed), "--rate", "0.01"], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
      });
      const failures = Object.values(
        (JSON.parse(r.stderr.trim()) as { failures: Record<string, number> }).failures,
      ).reduce((a, b) => a + b, 0);
      const whole = await bothPaths(r.stdout, `gen-${seed}.log`);
      expect(whole.file.hits.length).toBe(failures);
      expectSame(whole);
      expectSame(await bothPaths(r.stdout, `gen-${seed}.log`, 100_003));
    }, 240_000);
  }
});
