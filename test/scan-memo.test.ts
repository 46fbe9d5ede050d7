/**
 * scan()'s memo (one parse and match per kind of failure) must change nothing: every hit, field for
 * field, equals what a scan that parses every failure gives. The texts are every fixture, every corpus
 * text and generated logs, each followed by copies of itself with other GUIDs and times, so that the
 * copies are answered from the memo with their own values put back.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../src/catalog/index.js";
import { hitLine, hitRecord } from "../src/cli/commands/scan.js";
import { PATTERNS } from "../src/patterns.js";
import { BlockCollector } from "../src/scan/blocks.js";
import { HitReader, hitJson } from "../src/scan/hits.js";
import { type Hit, type ScanSummary, scanAll } from "../src/scan/index.js";
import { LineReader } from "../src/scan/lines.js";
import { findValues, hasGuidStart } from "../src/scan/memo.js";

const root = new URL("..", import.meta.url).pathname;
const GENLOG = join(root, "bench/genlog.mjs");

function texts(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...texts(path));
    else if (entry.name.endsWith(".txt")) out.push(readFileSync(path, "utf8"));
  }
  return out;
}

/** A seeded generator (xorshift32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const GUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/g;
const TIME = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?/g;

/**
 * The text printed again by another run of the same code: every GUID replaced by another (the same one
 * each time it recurs, in its letter case), every date and time by another of the same format.
 */
function reprint(text: string, seed: number): string {
  const rand = random(seed);
  const hex = () => "0123456789abcdef"[Math.floor(rand() * 16)] as string;
  const guids = new Map<string, string>();
  const times = new Map<string, string>();
  return text
    .replace(GUID, (g) => {
      const key = g.toLowerCase();
      let to = guids.get(key);
      if (!to) {
        to = key.replace(/[0-9a-f]/g, hex);
        guids.set(key, to);
      }
      return g === g.toUpperCase() ? to.toUpperCase() : to;
    })
    .replace(TIME, (t) => {
      let to = times.get(t);
      if (!to) {
        // Another valid time: a day of the same month, another time of day, another fraction.
        const day = String(1 + Math.floor(rand() * 28)).padStart(2, "0");
        const hh = String(Math.floor(rand() * 24)).padStart(2, "0");
        const mm = String(Math.floor(rand() * 60)).padStart(2, "0");
        const fraction =
          t.length > 19 ? t.slice(19).replace(/\d/g, () => String(Math.floor(rand() * 10))) : "";
        to = `${t.slice(0, 8)}${day}${t[10]}${hh}:${mm}${t.slice(16, 19)}${fraction}`;
        times.set(t, to);
      }
      return to;
    });
}

async function both(
  source: string[],
): Promise<{ memo: { hits: Hit[]; summary: ScanSummary }; full: { hits: Hit[]; summary: ScanSummary } }> {
  return {
    memo: await scanAll(source, { lines: false }),
    full: await scanAll(source, { lines: false, memo: false }),
  };
}

/** Memo statistics of a scan of `text` (the hit stage driven directly). */
function memoStats(text: string): { reused: number; parsed: number; hits: number } {
  const counts = { lines: 0, longLines: 0 };
  const blocks = new BlockCollector(400);
  const lines = new LineReader(1_000_000, counts, () => blocks.open);
  const reader = new HitReader({ catalog: defaultCatalog, redact: true, memo: true });
  let hits = 0;
  for (const line of [...lines.chunk(text), ...lines.end()]) {
    const block = blocks.push(line);
    if (block) hits += reader.read(block).length;
  }
  const last = blocks.end();
  if (last) hits += reader.read(last).length;
  return { reused: reader.memo?.reused ?? 0, parsed: reader.memo?.parsed ?? 0, hits };
}

function expectSame(
  memo: { hits: Hit[]; summary: ScanSummary },
  full: { hits: Hit[]; summary: ScanSummary },
) {
  expect(memo.summary).toEqual(full.summary);
  expect(memo.hits.length).toBe(full.hits.length);
  // Hit for hit, with a readable difference when one is wrong.
  for (let i = 0; i < full.hits.length; i++) expect(memo.hits[i]).toEqual(full.hits[i]);
}

describe("scan memo: the same hits as parsing every failure", () => {
  it("every fixture, printed three times with other GUIDs and times", async () => {
    const fixtures = texts(join(root, "test/fixtures"));
    expect(fixtures.length).toBeGreaterThan(200);
    const log = fixtures.map((t) => t.trimEnd()).join("\n\n");
    const source = [log, reprint(log, 1), reprint(log, 2)].map((t) => `${t}\n\n`);
    const { memo, full } = await both(source);
    expect(full.hits.length).toBeGreaterThan(3 * 150);
    expectSame(memo, full);
    const stats = memoStats(source.join(""));
    // The copies are answered from the memo, not parsed again.
    expect(stats.reused).toBeGreaterThan(stats.hits / 2);
  }, 120_000);

  it("every corpus text, printed twice", async () => {
    const corpus = texts(join(root, "test/corpus/cases"));
    expect(corpus.length).toBeGreaterThan(500);
    const log = corpus.map((t) => t.trimEnd()).join("\n\n");
    const { memo, full } = await both([`${log}\n\n`, `${reprint(log, 3)}\n`]);
    expect(full.hits.length).toBeGreaterThan(500);
    expectSame(memo, full);
  }, 180_000);

  for (const [seed, rate] of [
    [3, 0.02],
    [7, 0.05],
    [19, 0.01],
  ] as const) {
    it(`a generated log (seed ${seed}, rate ${rate}): every failure, and a reprint answered from the memo`, async () => {
      const r = spawnSync(
        process.execPath,
        [GENLOG, "--mb", "1", "--seed", String(seed), "--rate", String(rate)],
        {
          encoding: "utf8",
          maxBuffer: 64 << 20,
        },
      );
      const failures = Object.values(
        (JSON.parse(r.stderr.trim()) as { failures: Record<string, number> }).failures,
      ).reduce((a, b) => a + b, 0);
      const bytes = Buffer.from(r.stdout);
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += 65_536) chunks.push(bytes.subarray(i, i + 65_536));
      const memo = await scanAll(chunks);
      const full = await scanAll(chunks, { memo: false });
      expect(full.hits.length).toBe(failures);
      expectSame(memo, full);
      const stats = memoStats(r.stdout);
      expect(stats.hits).toBe(failures);
      expect(stats.reused + stats.parsed).toBe(failures);
      // Printed again with other IDs and times, it is answered from the memo: no second parse.
      const twice = memoStats(`${r.stdout}${reprint(r.stdout, seed)}`);
      expect(twice.hits).toBe(2 * failures);
      expect(twice.reused).toBeGreaterThanOrEqual(failures);
    }, 120_000);
  }

  it("which values are equal is part of the template: trace ID = correlation ID in one print, = app ID in another", async () => {
    const line = (app: string, trace: string, corr: string, ts: string) =>
      `2026-11-01T00:00:0${ts}.000Z ERROR api AADSTS700016: Application with identifier '${app}' was not found in the directory 'contoso.example'. Trace ID: ${trace} Correlation ID: ${corr} Timestamp: 2026-11-01 00:00:0${ts}Z`;
    const [a, b, c, d] = [
      "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
      "5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f",
      "7d6e5f4a-3b2c-4d1e-8f9a-0b1c2d3e4f5a",
      "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b",
    ];
    const log = [
      line(a, b, b, "1"),
      line(c, d, d, "2"),
      line(a, b, a, "3"),
      line(c, d, c, "4"),
      line(a, b, c, "5"),
      "",
    ].join("\n");
    const { memo, full } = await both([log]);
    expect(full.hits).toHaveLength(5);
    expect(full.hits.map((h) => h.parsed.correlationId)).toEqual([b, d, a, c, c]);
    expectSame(memo, full);
  });

  it("texts that differ in one character anywhere between the values are different templates", async () => {
    // The memo finds a template by a hash that reads only some characters of the text between values;
    // texts that share that hash must still be told apart by their whole text.
    const base = (trace: string, word: string) =>
      `2026-11-01T00:00:01.000Z ERROR ${word} ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided. Trace ID: ${trace} Correlation ID: 5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f`;
    const traces = ["0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "7d6e5f4a-3b2c-4d1e-8f9a-0b1c2d3e4f5a"];
    // One letter of the service name changed, and one letter of the message at every place in turn
    // (same length, so only the sampled characters can tell them apart).
    const words = ["gateway", "billing", "gatewax", "Gateway", "gatewaz"];
    const lines: string[] = [];
    for (const word of words) for (const trace of traces) lines.push(base(trace, word));
    const message = "Invalid client secret provided.";
    for (let i = 0; i < message.length; i++) {
      if (message[i] === " ") continue;
      const changed = `${message.slice(0, i)}${message[i] === "x" ? "y" : "x"}${message.slice(i + 1)}`;
      for (const trace of traces) lines.push(base(trace, "gateway").replace(message, changed));
    }
    const log = `${lines.join("\n")}\n`;
    const { memo, full } = await both([log]);
    expect(full.hits).toHaveLength(lines.length);
    expectSame(memo, full);
    const stats = memoStats(log);
    // Each distinct text is parsed once, its second print (another trace ID) answered from the memo.
    expect(stats.parsed).toBe(lines.length / 2);
    expect(stats.reused).toBe(lines.length / 2);
  });

  it("a GUID cut by the excerpt's limit is not put back in half", async () => {
    const line = (trace: string) => {
      const head = `2026-11-01T00:00:01.000Z ERROR api AADSTS7000215: Invalid client secret provided. ${"x".repeat(1_880)}`;
      return `${head.slice(0, 1_990)} Trace ID: ${trace} Correlation ID: 5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f`;
    };
    const log = `${line("0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d")}\n${line("7d6e5f4a-3b2c-4d1e-8f9a-0b1c2d3e4f5a")}\n`;
    const { memo, full } = await both([log]);
    expect(full.hits).toHaveLength(2);
    expect(full.hits[1]?.excerpt.endsWith("…")).toBe(true);
    expectSame(memo, full);
  });

  it("a client ID the catalog names (Azure CLI's) stays part of the template", async () => {
    const line = (client: string, trace: string) =>
      `2026-11-01T00:00:01.000Z ERROR cli AADSTS65002: Consent between first party application '${client}' and first party resource '00000003-0000-0000-c000-000000000000' must be configured via preauthorization. Trace ID: ${trace}`;
    const log = [
      line("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"),
      line("1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "7d6e5f4a-3b2c-4d1e-8f9a-0b1c2d3e4f5a"),
      line("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f"),
      "",
    ].join("\n");
    const { memo, full } = await both([log]);
    expect(full.hits).toHaveLength(3);
    expectSame(memo, full);
  });
});

describe("NDJSON written from a template", () => {
  it("is JSON.stringify of the hit's record, byte for byte, for every hit of the fixtures printed three times", async () => {
    const fixtures = texts(join(root, "test/fixtures"));
    const log = fixtures.map((t) => t.trimEnd()).join("\n\n");
    const source = [log, reprint(log, 4), reprint(log, 5)].map((t) => `${t}\n\n`);
    const { hits } = await scanAll(source, { lines: false, file: "app.log" });
    let fromTemplate = 0;
    for (const hit of hits) {
      if (hitJson(hit)) fromTemplate++;
      expect(hitLine(hit)).toBe(JSON.stringify(hitRecord(hit)));
    }
    // The reprints are answered from the memo, so most of their hits take the template's JSON.
    expect(fromTemplate).toBeGreaterThan(hits.length / 3);
  }, 120_000);

  it("the CLI's shared hits (no copy per hit) write the same lines and carry the same top-level fields", async () => {
    const fixtures = texts(join(root, "test/fixtures"));
    const log = fixtures.map((t) => t.trimEnd()).join("\n\n");
    const source = [log, reprint(log, 6), reprint(log, 7)].map((t) => `${t}\n\n`);
    const copies = await scanAll(source, { lines: false, file: "app.log" });
    const shared = await scanAll(source, { lines: false, file: "app.log", shared: true });
    expect(shared.summary).toEqual(copies.summary);
    expect(shared.hits.length).toBe(copies.hits.length);
    // Hits answered from one template share its matches (no copy per hit); a library caller's are copies.
    let sharing = 0;
    const seenMatches = new Set<unknown>();
    const seenCopies = new Set<unknown>();
    for (let i = 0; i < copies.hits.length; i++) {
      const a = copies.hits[i] as Hit;
      const b = shared.hits[i] as Hit;
      expect(hitLine(b)).toBe(JSON.stringify(hitRecord(a)));
      for (const key of [
        "codes",
        "credential",
        "timestamp",
        "traceId",
        "correlationId",
        "error",
        "status",
      ] as const)
        expect(b.parsed[key]).toEqual(a.parsed[key]);
      expect(b.matches[0]?.id).toBe(a.matches[0]?.id);
      if (seenMatches.has(b.matches)) sharing++;
      seenMatches.add(b.matches);
      expect(seenCopies.has(a.matches)).toBe(false);
      seenCopies.add(a.matches);
    }
    expect(sharing).toBeGreaterThan(0);
  }, 120_000);

  it("the CLI's lines (written as bytes from each template's encoded line) are those of a scan that parses every failure", async () => {
    const fixtures = texts(join(root, "test/fixtures"));
    const gen = spawnSync(process.execPath, [GENLOG, "--mb", "1", "--seed", "29", "--rate", "0.03"], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const log = `${fixtures.map((t) => t.trimEnd()).join("\n\n")}\n\n`;
    // Fixtures and a generated log, each printed again with other values: most hits come from the memo.
    const text = [log, gen.stdout, reprint(log, 8), reprint(gen.stdout, 9)].join("");
    const dir = mkdtempSync(join(tmpdir(), "aadsts-memo-"));
    try {
      const file = join(dir, "app.log");
      writeFileSync(file, text);
      const cli = spawnSync(process.execPath, [join(root, "dist/cli.js"), "scan", file], {
        encoding: "utf8",
        maxBuffer: 256 << 20,
      });
      expect(cli.status).toBe(0);
      const lines = cli.stdout.split("\n").filter(Boolean);
      const { hits } = await scanAll([text], { lines: false, file, memo: false });
      expect(hits.length).toBeGreaterThan(800);
      expect(lines.length).toBe(hits.length);
      for (let i = 0; i < hits.length; i++) expect(lines[i]).toBe(JSON.stringify(hitRecord(hits[i] as Hit)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("a hit parsed in full has no template JSON, and a truncated hit keeps its flag", async () => {
    const line = (trace: string) =>
      `2026-11-01T00:00:01.000Z ERROR api AADSTS7000215: Invalid client secret provided. Trace ID: ${trace} ${"y".repeat(60)}`;
    const log = `${line("0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d")}\n${line("7d6e5f4a-3b2c-4d1e-8f9a-0b1c2d3e4f5a")}\n`;
    const { hits } = await scanAll([log], { lines: false, maxLineLength: 150 });
    expect(hits).toHaveLength(2);
    expect(hitJson(hits[0] as Hit)).toBeUndefined();
    expect(hitJson(hits[1] as Hit)).toBeDefined();
    for (const hit of hits) {
      expect(hit.truncated).toBe(true);
      expect(hitLine(hit)).toBe(JSON.stringify(hitRecord(hit)));
    }
  });
});

describe("hasGuidStart", () => {
  it("finds what PATTERNS.guidStart finds in any stretch of a text", () => {
    const piece = fc.constantFrom("0b9a8c7d", "6e5f", "-", "1234", "abcdef", "g", " ", "0b9a8c7d-6e5f");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join("");
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length === 0 ? 0 : b % (text.length - from + 1));
        expect(hasGuidStart(text, from, to)).toBe(PATTERNS.guidStart.test(text.slice(from, to)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("findValues", () => {
  const VALUE =
    /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?/g;
  const found = (text: string) => {
    const out: Array<[number, number, boolean]> = [];
    findValues(text, (start, end, time) => out.push([start, end, time]));
    return out;
  };
  const byRegex = (text: string) =>
    [...text.matchAll(VALUE)].map((m): [number, number, boolean] => [
      m.index,
      m.index + m[0].length,
      m[0].charCodeAt(4) === 45,
    ]);

  it("finds what the regex finds, on texts dense with near misses", () => {
    // Pieces that make and break GUIDs and times: hex, digits, dashes, separators.
    const piece = fc.constantFrom(
      "0b9a8c7d",
      "6e5f",
      "-",
      "2026",
      "11",
      "01",
      " ",
      "T",
      ":",
      ".",
      "1234567890",
      "a",
      "Z",
      "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
      "2026-11-01 00:00:01",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(found(text)).toEqual(byRegex(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("on every fixture", () => {
    for (const text of texts(join(root, "test/fixtures"))) expect(found(text)).toEqual(byRegex(text));
  });
});
