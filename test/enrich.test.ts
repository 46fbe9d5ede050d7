/**
 * `aadsts enrich`: every record out, in order; records without a failure byte for byte; failures with an
 * `aadsts` object. Driven as a log shipper drives it: a child process fed on stdin with slow, partial
 * writes, whose output must arrive line by line while its input is still open.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Enricher, type EnrichOptions } from "../src/enrich/index.js";
import { loadFixtures } from "./helpers/fixtures.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const GENLOG = new URL("../bench/genlog.mjs", import.meta.url).pathname;

/** Invented; shaped like an Entra client secret. */
const SECRET = "Qx7~abcDEFghiJKLmnoPQRstuVWXyz0123456789";

const INFO = "2026-11-01T08:00:00.000Z INFO api GET /v1/orders 200 12ms";
const INFO_JSON = '{"time":"2026-11-01T08:00:00.100Z","level":"info","service":"api","msg":"cache miss"}';
const PLAIN_FAILURE =
  "2026-11-01T08:00:01.000Z ERROR api Azure.Identity.AuthenticationFailedException: ClientSecretCredential authentication failed: AADSTS7000222: The provided client secret keys for app '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b' are expired. Trace ID: 1a2b3c4d-0000-4000-8000-000000000001 Correlation ID: 1a2b3c4d-0000-4000-8000-0000000000c1";
const JSON_FAILURE = JSON.stringify({
  time: "2026-11-01T08:00:02.000Z",
  level: "error",
  msg: "ClientSecretCredential authentication failed",
  err: {
    statusCode: 401,
    message:
      "invalid_client Status code: 401\nMore details:\nAADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1a2b3c4d-0000-4000-8000-000000000002\r\nCorrelation ID: 1a2b3c4d-0000-4000-8000-0000000000c2",
  },
}).replace(/}$/, ',"big":12345678901234567890}');
const GO_BLOCK = [
  "2026-11-01T08:00:03.000Z ERROR api ClientSecretCredential authentication failed",
  "POST https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/oauth2/v2.0/token",
  "-".repeat(80),
  "RESPONSE 400 Bad Request",
  "-".repeat(80),
  "{",
  '  "error": "unauthorized_client",',
  `  "error_description": "AADSTS700016: Application with identifier 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' was not found in the directory 'contoso.onmicrosoft.com'.\\r\\nTrace ID: 1a2b3c4d-0000-4000-8000-000000000003\\r\\nCorrelation ID: 1a2b3c4d-0000-4000-8000-0000000000c3",`,
  '  "error_codes": [700016]',
  "}",
  "-".repeat(80),
];
const LOG = [INFO, INFO_JSON, PLAIN_FAILURE, INFO, JSON_FAILURE, ...GO_BLOCK, INFO_JSON, INFO].join("\n");
const LOG_LINES = LOG.split("\n");

function enrichAll(input: string | Uint8Array[], options: EnrichOptions = {}): string {
  const e = new Enricher(options);
  const parts: Uint8Array[] = [];
  const take = (xs: (Uint8Array | string)[]) => {
    for (const x of xs) parts.push(typeof x === "string" ? Buffer.from(x) : x);
  };
  for (const chunk of typeof input === "string" ? [Buffer.from(input)] : input) take(e.push(chunk));
  take(e.end());
  return Buffer.concat(parts).toString("utf8");
}

describe("Enricher", () => {
  it("writes every line, in order; only failures change", () => {
    const out = enrichAll(`${LOG}\n`).split("\n");
    expect(out).toHaveLength(LOG_LINES.length + 1);
    const changed = out.map((l, i) => (l === (LOG_LINES[i] ?? "") ? -1 : i)).filter((i) => i >= 0);
    // The plain failure, the JSON failure and the Go block's first line; the block's other lines are untouched.
    expect(changed).toEqual([2, 4, 5]);
  });

  it("wraps a plain line as {message, aadsts}", () => {
    const out = enrichAll(`${INFO}\n${PLAIN_FAILURE}\n${INFO}\n`).split("\n");
    const rec = JSON.parse(out[1] as string);
    expect(rec.message).toBe(PLAIN_FAILURE);
    expect(rec.aadsts).toMatchObject({
      codes: [7000222],
      id: "client-secret-expired",
      title: "Expired client secret",
      traceId: "1a2b3c4d-0000-4000-8000-000000000001",
      correlationId: "1a2b3c4d-0000-4000-8000-0000000000c1",
      failures: 1,
    });
    expect(typeof rec.aadsts.actor).toBe("string");
    expect(rec.aadsts).toHaveProperty("retryable");
    expect(rec.aadsts.docs).toMatch(/^https:\/\//);
  });

  it("splices the key into an NDJSON record, keeping its own bytes (even a number JSON cannot hold)", () => {
    const [line] = enrichAll(`${JSON_FAILURE}\n`).split("\n");
    expect(line?.startsWith(JSON_FAILURE.slice(0, -1))).toBe(true);
    expect(line).toContain('"big":12345678901234567890,"aadsts":{');
    const rec = JSON.parse(line as string);
    expect(rec.aadsts.codes).toEqual([7000215]);
    expect(rec.aadsts.id).toBe("client-secret-invalid");
  });

  it("explains a Go response block whole, on its first line", () => {
    const out = enrichAll(`${GO_BLOCK.join("\n")}\n${INFO}\n`).split("\n");
    const rec = JSON.parse(out[0] as string);
    expect(rec.message).toBe(GO_BLOCK[0]);
    expect(rec.aadsts.codes).toEqual([700016]);
    expect(rec.aadsts.lines).toBe(GO_BLOCK.length);
    expect(out.slice(1, GO_BLOCK.length)).toEqual(GO_BLOCK.slice(1));
  });

  it("--plain pass leaves plain lines alone and still enriches JSON records", () => {
    const input = `${PLAIN_FAILURE}\n${JSON_FAILURE}\n`;
    const e = new Enricher({ plain: "pass" });
    const out = Buffer.concat([...e.push(input), ...e.end()].map((x) => Buffer.from(x))).toString();
    const lines = out.split("\n");
    expect(lines[0]).toBe(PLAIN_FAILURE);
    expect(JSON.parse(lines[1] as string).aadsts.codes).toEqual([7000215]);
    expect(e.stats).toMatchObject({ records: 2, failures: 2, enriched: 1 });
  });

  it("keeps CRLF line ends and a last line without one", () => {
    const out = enrichAll(`${INFO}\r\n${PLAIN_FAILURE}\r\n${INFO}`);
    const lines = out.split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(INFO);
    expect(JSON.parse(lines[1] as string).aadsts.id).toBe("client-secret-expired");
    expect(lines[2]).toBe(INFO);
  });

  it("passes bytes that are not UTF-8 through unchanged", () => {
    const bad = Buffer.from([0x66, 0xff, 0xfe, 0x80, 0x0a, 0xc3, 0x28, 0x0a]);
    const e = new Enricher();
    const out = Buffer.concat([...e.push(bad), ...e.end()].map((x) => Buffer.from(x)));
    expect(out.equals(bad)).toBe(true);
  });

  it("redacts secrets in the records it enriches, unless told not to; other records never change", () => {
    const withSecret = `${PLAIN_FAILURE} client_secret=${SECRET}`;
    const jsonWithSecret = JSON_FAILURE.replace('"level"', `"client_secret":"${SECRET}","level"`);
    const infoWithSecret = `${INFO} password=${SECRET}`;
    const input = `${withSecret}\n${jsonWithSecret}\n${infoWithSecret}\n`;
    const out = enrichAll(input).split("\n");
    expect(out[0]).not.toContain(SECRET);
    expect(out[1]).not.toContain(SECRET);
    expect(JSON.parse(out[1] as string).aadsts.codes).toEqual([7000215]);
    expect(out[2]).toBe(infoWithSecret);
    expect(enrichAll(input, { redact: false })).toContain(`client_secret=${SECRET}`);
  });

  it("replaces an aadsts key the record already has", () => {
    const rec = JSON_FAILURE.replace('"level"', '"aadsts":"old","level"');
    const parsed = JSON.parse(enrichAll(`${rec}\n`).trim());
    expect(parsed.aadsts.codes).toEqual([7000215]);
  });

  it("passes a line past the length limit through unexamined, in full", () => {
    const long = `${PLAIN_FAILURE} ${"x".repeat(5000)}`;
    const input = `${INFO}\n${long}\n${PLAIN_FAILURE}\n`;
    const chunks = [
      Buffer.from(input.slice(0, 300)),
      Buffer.from(input.slice(300, 2000)),
      Buffer.from(input.slice(2000)),
    ];
    const e = new Enricher({ maxLineLength: 1000 });
    const out = Buffer.concat([...chunks.flatMap((c) => e.push(c)), ...e.end()].map((x) => Buffer.from(x)))
      .toString()
      .split("\n");
    expect(out[1]).toBe(long);
    expect(JSON.parse(out[2] as string).aadsts.codes).toEqual([7000222]);
    expect(e.stats).toMatchObject({ records: 3, longLines: 1, failures: 1 });
  });

  it("gives the same output however the input is cut into chunks", () => {
    const whole = Buffer.from(`${LOG}\n`);
    const expected = enrichAll([whole]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: whole.length - 1 }), { maxLength: 12 }),
        (cuts) => {
          const at = [0, ...cuts.sort((a, b) => a - b), whole.length];
          const chunks = at.slice(1).map((end, i) => whole.subarray(at[i], end));
          expect(enrichAll(chunks)).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("never throws on garbage", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 200 }), (bytes, text) => {
        const e = new Enricher();
        const out = [...e.push(bytes), ...e.push(`${text}AADSTS50076\n{`), ...e.end()];
        expect(Buffer.concat(out.map((x) => Buffer.from(x))).length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it("finds exactly the generator's failures in a genlog log, and writes every line", () => {
    const r = spawnSync(process.execPath, [GENLOG, "--mb", "1", "--seed", "11", "--rate", "0.02"], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const meta = JSON.parse(r.stderr.trim()) as { failures: Record<string, number> };
    const failures = Object.values(meta.failures).reduce((a, b) => a + b, 0);
    const out = enrichAll(r.stdout);
    const inLines = r.stdout.split("\n");
    const outLines = out.split("\n");
    expect(outLines).toHaveLength(inLines.length);
    expect(outLines.filter((l) => l.includes('"aadsts":{')).length).toBe(failures);
    expect(outLines.filter((l, i) => l !== inLines[i]).length).toBe(failures);
  });
});

describe("Enricher's memo (one parse per kind of failure)", () => {
  // Every fixture text as records, each twice with other IDs and times, inside generated logs: the bytes
  // out must not depend on whether a failure's template was seen before.
  const reprint = (text: string, n: number) =>
    text
      .replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
        (g) => `${g.slice(0, 34)}${String(n).padStart(2, "0")}`,
      )
      .replace(
        /\b20\d\d-\d\d-\d\d[ T]\d\d:\d\d:\d\d/g,
        (t) => `${t.slice(0, 17)}${String(10 + n).padStart(2, "0")}`,
      );
  it("writes the same bytes with and without it", () => {
    const fixtures = loadFixtures().map((f) => f.text);
    const texts = [...fixtures, ...fixtures.map((t) => reprint(t, 1)), ...fixtures.map((t) => reprint(t, 2))];
    const asRecords = texts.map((t) => JSON.stringify({ level: "error", msg: t })).join("\n");
    const asLines = texts.join("\n");
    for (const seed of ["3", "17"]) {
      const log = spawnSync(process.execPath, [GENLOG, "--mb", "1", "--seed", seed, "--rate", "0.05"], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
      }).stdout;
      for (const input of [log, asRecords, asLines]) {
        const memo = enrichAll(input);
        expect(memo).toBe(enrichAll(input, { memo: false }));
      }
    }
  });
});

/** Read a child's stdout line by line as it arrives. */
function lineReader(child: ChildProcessWithoutNullStreams) {
  const lines: string[] = [];
  let buf = "";
  const waiters: Array<() => void> = [];
  child.stdout.on("data", (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split("\n");
    buf = parts.pop() ?? "";
    lines.push(...parts);
    for (const w of waiters.splice(0)) w();
  });
  return {
    lines,
    /** Resolves once `n` lines have arrived, or rejects after `ms`. */
    until(n: number, ms = 15_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${lines.length} of ${n} lines after ${ms} ms`)),
          ms,
        );
        const check = () => {
          if (lines.length >= n) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("aadsts enrich as a log shipper runs it", () => {
  it("answers each record while stdin stays open, across slow and partial writes, in order", async () => {
    const child = spawn(process.execPath, [CLI, "enrich", "--idle-ms", "100"], {
      env: { PATH: process.env.PATH ?? "" },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const reader = lineReader(child);
    // Half a line, a pause, the rest: nothing comes out before the line is whole.
    child.stdin.write(INFO.slice(0, 20));
    await sleep(150);
    expect(reader.lines).toHaveLength(0);
    child.stdin.write(`${INFO.slice(20)}\n`);
    await reader.until(1);
    expect(reader.lines[0]).toBe(INFO);
    // A one-line failure waits for what follows it (a traceback may continue it), then goes out when idle.
    child.stdin.write(`${PLAIN_FAILURE}\n`);
    await reader.until(2);
    expect(JSON.parse(reader.lines[1] as string).aadsts.id).toBe("client-secret-expired");
    // A JSON failure split in three writes.
    child.stdin.write(JSON_FAILURE.slice(0, 50));
    await sleep(50);
    child.stdin.write(JSON_FAILURE.slice(50, 200));
    await sleep(50);
    child.stdin.write(`${JSON_FAILURE.slice(200)}\n${INFO_JSON}\n`);
    await reader.until(4);
    expect(JSON.parse(reader.lines[2] as string).aadsts.codes).toEqual([7000215]);
    expect(reader.lines[3]).toBe(INFO_JSON);
    // The rest of the log, byte by byte in places, then end of input.
    const rest = [...GO_BLOCK, INFO].join("\n");
    child.stdin.write(rest.slice(0, 7));
    for (const ch of rest.slice(7, 40)) child.stdin.write(ch);
    child.stdin.write(`${rest.slice(40)}\n`);
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    const sent = [INFO, PLAIN_FAILURE, JSON_FAILURE, INFO_JSON, ...GO_BLOCK, INFO];
    expect(reader.lines).toHaveLength(sent.length);
    for (const [i, line] of reader.lines.entries()) {
      if (line === sent[i]) continue;
      const { aadsts, ...rest } = JSON.parse(line);
      expect(aadsts.failures).toBe(1);
      if (rest.message !== undefined) expect(rest.message).toBe(sent[i]);
      else expect(rest).toEqual(JSON.parse(sent[i] as string));
    }
    expect(JSON.parse(stderr.trim()).summary).toMatchObject({
      records: sent.length,
      failures: 3,
      enriched: 3,
    });
  }, 60_000);

  it("reads files, and rejects bad options", () => {
    const bad = spawnSync(process.execPath, [CLI, "enrich", "--plain", "drop"], {
      encoding: "utf8",
      input: "",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--plain");
    const missing = spawnSync(process.execPath, [CLI, "enrich", "/nonexistent/aadsts.log"], {
      encoding: "utf8",
    });
    expect(missing.status).toBe(3);
    const help = spawnSync(process.execPath, [CLI, "enrich", "--help"], { encoding: "utf8" });
    expect(help.stdout).toContain("Usage: aadsts enrich");
  });
});
