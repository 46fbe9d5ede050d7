import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { type CliIO, run as runCli } from "../src/cli/run.js";
import { scanAll } from "../src/index.js";
import { parseTimeBound } from "../src/scan/index.js";
import { hasTrigger, LineReader, TRIGGERS } from "../src/scan/lines.js";
import { fileSource } from "../src/scan/node.js";

const GENLOG = new URL("../bench/genlog.mjs", import.meta.url).pathname;
const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "aadsts-scan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function genlog(mb: number, seed: number, rate: number): { text: string; failures: number } {
  const r = spawnSync(
    process.execPath,
    [GENLOG, "--mb", String(mb), "--seed", String(seed), "--rate", String(rate)],
    {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    },
  );
  const meta = JSON.parse(r.stderr.trim()) as { failures: Record<string, number> };
  return { text: r.stdout, failures: Object.values(meta.failures).reduce((a, b) => a + b, 0) };
}

const GO_BLOCK = `2026-11-01T00:00:01.000Z ERROR api ClientSecretCredential authentication failed
POST https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/oauth2/v2.0/token
--------------------------------------------------------------------------------
RESPONSE 401 Unauthorized
--------------------------------------------------------------------------------
{
  "error": "invalid_client",
  "error_description": "AADSTS7000215: Invalid client secret provided.\\r\\nTrace ID: 0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\\r\\nCorrelation ID: 5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f\\r\\nTimestamp: 2026-11-01 00:00:01Z",
  "error_codes": [7000215]
}
--------------------------------------------------------------------------------`;
const INFO = "2026-11-01T00:00:02.000Z INFO api GET /v1/orders 200 12ms";
const NDJSON = JSON.stringify({
  time: "2026-11-01T00:00:03.000Z",
  level: "error",
  err: {
    message:
      "invalid_client: Error(s): 7000222 - Timestamp: 2026-11-01 00:00:03Z - Description: AADSTS7000222: The provided client secret keys are expired.\r\nTrace ID: 1b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\r\nCorrelation ID: 2c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f",
  },
});
const SAMPLE = [INFO, GO_BLOCK, INFO, NDJSON, INFO, ""].join("\n");

describe("scan", () => {
  it("groups a Go response block into one hit and reads NDJSON-escaped failures", async () => {
    const { hits, summary } = await scanAll([SAMPLE]);
    expect(hits.map((h) => [h.startLine, h.endLine, h.parsed.codes, h.matches[0]?.id])).toEqual([
      [2, 12, [7000215], "client-secret-invalid"],
      [14, 14, [7000222], "client-secret-expired"],
    ]);
    expect(summary).toMatchObject({ lines: 15, hits: 2 });
  });

  it("gives the same hits whatever the chunking, with CRLF line ends", async () => {
    const crlf = SAMPLE.replace(/\n/g, "\r\n");
    const bytes = new TextEncoder().encode(crlf);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const whole = await scanAll([SAMPLE]);
    const split = await scanAll(chunks);
    expect(split.hits.map((h) => [h.startLine, h.endLine, h.parsed.traceId])).toEqual(
      whole.hits.map((h) => [h.startLine, h.endLine, h.parsed.traceId]),
    );
    expect(split.summary.lines).toBe(whole.summary.lines);
  });

  it("takes the same hits and line counts through Node Buffers (the byte path), in any chunking", async () => {
    const { text, failures } = genlog(1, 5, 0.01);
    const bytes = Buffer.from(text.replace(/\n/g, "\r\n"));
    for (const size of [7, 4096, 1 << 20]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const { hits, summary } = await scanAll(chunks);
      expect(hits, `chunks of ${size}`).toHaveLength(failures);
      expect(summary.lines).toBe(text.split("\n").length - 1);
    }
    const small = await scanAll([Buffer.from(SAMPLE.slice(0, 50)), Buffer.from(SAMPLE.slice(50))]);
    expect(small.hits.map((h) => [h.startLine, h.endLine])).toEqual([
      [2, 12],
      [14, 14],
    ]);
  });

  it("cuts a huge line arriving in Buffers and keeps counting after it", async () => {
    const big = Buffer.alloc(3 << 20, 0x61);
    const { hits, summary } = await scanAll(
      [Buffer.from(`${INFO}\n`), big, big, Buffer.from(`\n${NDJSON}\n`)],
      {
        maxLineLength: 1 << 20,
      },
    );
    expect(summary).toMatchObject({ lines: 3, longLines: 1 });
    expect(hits.map((h) => h.parsed.codes)).toEqual([[7000222]]);
  });

  it("finds several failures on one line", async () => {
    const line = `${INFO} first: AADSTS50126: Error validating credentials.\r\nTrace ID: 3b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d then AADSTS700016: Application not found.\r\nTrace ID: 4b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d`;
    const { hits } = await scanAll([`${line}\n`]);
    expect(hits.map((h) => h.parsed.codes)).toEqual([[50126], [700016]]);
  });

  it("reports a failure printed twice in one block (a Python log line and its traceback) once", async () => {
    const text = readFileSync(
      new URL("fixtures/python/client-secret-expired-traceback.txt", import.meta.url),
      "utf8",
    );
    expect(text.match(/AADSTS7000222/g)).toHaveLength(2);
    const { hits, summary } = await scanAll([text]);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.parsed.traceId).toBe("27f985be-a3cd-32dd-61e2-64c13dab90c1");
    expect(summary.hits).toBe(1);
    // The same message twice with different trace IDs is two failures.
    const twice = `${text}\n${text.replaceAll("27f985be-a3cd-32dd-61e2-64c13dab90c1", "17f985be-a3cd-42dd-91e2-64c13dab90c2")}`;
    expect((await scanAll([twice])).hits.map((h) => h.parsed.traceId)).toEqual([
      "27f985be-a3cd-32dd-61e2-64c13dab90c1",
      "17f985be-a3cd-42dd-91e2-64c13dab90c2",
    ]);
  });

  it("keeps an error body printed on its own line with the record before it (.NET's Status/Content/Headers)", async () => {
    const text = readFileSync(
      new URL("./fixtures/dotnet/managed-identity-identity-not-found.txt", import.meta.url),
      "utf8",
    );
    const { hits } = await scanAll([text]);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.parsed).toMatchObject({ status: 400, error: "invalid_request" });
    // A JSON log record on its own line still starts a record of its own.
    const ndjson = `${JSON.stringify({ level: "error", msg: "AADSTS7000222: expired. Trace ID: 1a2b3c4d-0000-4111-8222-933344445555" })}\n${JSON.stringify({ level: "error", msg: "AADSTS700016: not found. Trace ID: 9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a" })}\n`;
    expect((await scanAll([ndjson])).hits.map((h) => h.parsed.codes)).toEqual([[7000222], [700016]]);
  });

  it("counts a last line that is only a carriage return (found by the line-count property)", async () => {
    expect((await scanAll(["\r"])).summary.lines).toBe(1);
    expect((await scanAll(["a\n", "\r"])).summary.lines).toBe(2);
    expect((await scanAll(["a\r\n"])).summary.lines).toBe(1);
  });

  it("cuts and flags a line past the length limit, and loses no line", async () => {
    const huge = `${"x".repeat(3_000_000)} AADSTS7000215: late`;
    const text = `${INFO}\n${huge}\n${NDJSON}\n${INFO}\n`;
    const { hits, summary } = await scanAll([text], { maxLineLength: 1_000_000 });
    expect(summary).toMatchObject({ lines: 4, longLines: 1 });
    expect(hits.map((h) => h.parsed.codes)).toEqual([[7000222]]);
  });

  it("survives invalid UTF-8 and NUL bytes", async () => {
    const bad = new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0a]);
    const good = new TextEncoder().encode(`${NDJSON}\n`);
    const { hits, summary } = await scanAll([bad, good]);
    expect(summary.lines).toBe(2);
    expect(hits).toHaveLength(1);
  });

  it("reads gzip by content, not by name", async () => {
    const path = join(dir, "app.log");
    writeFileSync(path, gzipSync(SAMPLE));
    const { hits } = await scanAll(await fileSource(path));
    expect(hits.map((h) => h.parsed.codes)).toEqual([[7000215], [7000222]]);
  });

  it("groups a Python traceback's tail and a credential chain's indented lines into one hit each", async () => {
    const log = [
      "2026-11-02 08:00:00,123 INFO app starting",
      "Traceback (most recent call last):",
      '  File "/app/main.py", line 12, in <module>',
      '    token = cred.get_token("https://management.azure.com/.default")',
      "azure.core.exceptions.ClientAuthenticationError: Authentication failed: AADSTS700016: Application with identifier 'aaaa1111-2b2b-4c3c-8d4d-eeeeee555555' was not found in the directory 'Contoso'.",
      "Trace ID: 0a1b2c3d-1111-4222-8333-944445555666",
      "Correlation ID: 9f8e7d6c-1111-4222-8333-944445555777",
      "Timestamp: 2026-11-02 08:00:01Z",
      "2026-11-02 08:00:02,000 INFO next",
      "2026/11/02 08:00:03 DefaultAzureCredential: failed to acquire a token.",
      "Attempted credentials:",
      "\tEnvironmentCredential: missing environment variable AZURE_TENANT_ID",
      "\tWorkloadIdentityCredential: no client ID specified. Check pod configuration or set ClientID option",
      "\tManagedIdentityCredential: no response from the IMDS endpoint",
      "\tAzureCLICredential: Azure CLI not found on path",
      "2026/11/02 08:00:04 INFO done",
      "",
    ].join("\n");
    const { hits, summary } = await scanAll([log]);
    expect(summary.lines).toBe(16);
    expect(hits.map((h) => [h.startLine, h.endLine, h.parsed.codes])).toEqual([
      [5, 8, [700016]],
      [10, 15, []],
    ]);
    expect(hits[0]?.parsed.traceId).toBe("0a1b2c3d-1111-4222-8333-944445555666");
    expect(hits[1]?.parsed.credential).toBe("DefaultAzureCredential");
    expect(hits[1]?.parsed.chain).toHaveLength(4);
    expect(hits[1]?.matches[0]?.id).toBe("dac-failed-to-acquire-token");
  });

  it.each([
    [7, 0.005],
    [11, 0.02],
    [23, 0.001],
  ])("finds exactly the generator's failures (seed %i, rate %f)", async (seed, rate) => {
    const { text, failures } = genlog(2, seed, rate);
    const { hits, summary } = await scanAll([text]);
    expect(hits).toHaveLength(failures);
    expect(summary.lines).toBe(text.split("\n").length - 1);
  });
});

describe("aadsts scan", () => {
  const log = join(dir, "cli.log");
  writeFileSync(log, SAMPLE);

  it("prints NDJSON hits on stdout and the summary on stderr", () => {
    const r = spawnSync(process.execPath, [CLI, "scan", log], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const hits = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(hits.map((h) => [h.file, h.startLine, h.endLine, h.id])).toEqual([
      [log, 2, 12, "client-secret-invalid"],
      [log, 14, 14, "client-secret-expired"],
    ]);
    expect(JSON.parse(r.stderr).summary).toMatchObject({
      lines: 15,
      hits: 2,
      byCode: { AADSTS7000215: 1, AADSTS7000222: 1 },
    });
  });

  it("reads stdin, honours --since/--until and --fail-on-hit", () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [CLI, "scan", ...args], { input: SAMPLE, encoding: "utf8" });
    expect(run(["--fail-on-hit"]).status).toBe(1);
    const since = run(["--since", "2026-11-01T00:00:02Z"]);
    expect(since.stdout.trim().split("\n")).toHaveLength(1);
    expect(run(["--until", "2020-01-01T00:00:00Z", "--fail-on-hit"]).status).toBe(0);
    expect(run(["--since", "yesterday"]).status).toBe(2);
  });

  it("writes a text report with failures over time", () => {
    const out = execFileSync(process.execPath, [CLI, "scan", "--format", "text", log], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    expect(out).toContain("client-secret-invalid");
    expect(out).toContain("Failures per minute");
  });

  it("exits 3 with one line for a missing file", () => {
    const r = spawnSync(process.execPath, [CLI, "scan", join(dir, "missing.log")], { encoding: "utf8" });
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  describe("progress line", () => {
    const terminal = (argv: string[], stdoutIsTTY = false) => {
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIO = {
        argv,
        env: {},
        stdoutIsTTY,
        stdinIsTTY: false,
        stderrIsTTY: true,
        readStdin: async () => "",
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        version: "0.0.0-test",
      };
      return { io, out, err };
    };
    const gz = join(dir, "app.log.gz");
    writeFileSync(gz, gzipSync(SAMPLE));

    it("draws on a terminal against the file's size, reaches 100% and is erased before the summary", async () => {
      const { io, out, err } = terminal(["scan", log, gz]);
      expect(await runCli(io)).toBe(0);
      const draws = err.filter((e) => e.startsWith("\r\x1b[K") && e.includes("%"));
      expect(draws.length).toBeGreaterThan(0);
      const last = draws[draws.length - 1] as string;
      expect(last).toMatch(/100%/);
      expect(last).toContain("app.log.gz");
      // The compressed file counts by its own (compressed) size, so the total is both files on disk.
      const total = ((SAMPLE.length + gzipSync(SAMPLE).length) / 1048576).toFixed(1);
      expect(last).toContain(`/${total} MiB`);
      const clearAt = err.lastIndexOf("\r\x1b[K");
      expect(clearAt).toBeGreaterThan(err.lastIndexOf(last));
      expect(err.slice(clearAt + 1).join("")).toMatch(/Lines read: 30 +Failures: 4/);
      expect(out.join("").trim().split("\n")).toHaveLength(4);
    });

    it("is absent for stdin, with --no-progress, and when stderr is not a terminal", async () => {
      const stdin = terminal(["scan"]);
      stdin.io.stdin = (async function* () {
        yield Buffer.from(SAMPLE);
      })();
      await runCli(stdin.io);
      const off = terminal(["scan", "--no-progress", log]);
      await runCli(off.io);
      const pipe = terminal(["scan", log]);
      pipe.io.stderrIsTTY = false;
      await runCli(pipe.io);
      for (const t of [stdin, off, pipe]) {
        expect(t.err.join("")).not.toContain("%");
        expect(t.out.join("").trim().split("\n")).toHaveLength(2);
      }
    });

    it("is erased before hits are written when stdout is the same terminal", async () => {
      const { io, out, err } = terminal(["scan", "--format", "text", log], true);
      const order: string[] = [];
      io.out = (t) => {
        order.push(`out:${t.slice(0, 10)}`);
        out.push(t);
      };
      io.err = (t) => {
        order.push(t.includes("%") ? "draw" : t === "\r\x1b[K" ? "clear" : "summary");
        err.push(t);
      };
      await runCli(io);
      order.forEach((o, i) => {
        if (o.startsWith("out:") && order.slice(0, i).includes("draw")) {
          const lastDraw = order.lastIndexOf("draw", i);
          expect(order.lastIndexOf("clear", i)).toBeGreaterThan(lastDraw);
        }
      });
      expect(order).toContain("draw");
    });
  });
});

describe("scan of lines and time bounds (library)", () => {
  it("an array of ~20,000 lines without line feeds gives every failure, as the joined text does", async () => {
    const { text, failures } = genlog(2.5, 31, 0.01);
    const lines = text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    expect(lines.length).toBeGreaterThan(19_000);
    const asLines = await scanAll(lines);
    expect(lines.length).toBeGreaterThanOrEqual(64);
    const joined = await scanAll([lines.join("\n")]);
    expect(asLines.hits.length).toBe(failures);
    expect(asLines.summary).toEqual(joined.summary);
    expect(asLines.hits).toEqual(joined.hits);
    // Any iterable of lines (a readline interface) with lines: true.
    const viaIterable = await scanAll(
      (async function* () {
        yield* lines;
      })(),
      { lines: true },
    );
    expect(viaIterable.hits.map((h) => [h.startLine, h.endLine, h.parsed.traceId])).toEqual(
      joined.hits.map((h) => [h.startLine, h.endLine, h.parsed.traceId]),
    );
  });

  it("parseTimeBound: ISO times (UTC without a zone), dates, zones and spans before now", () => {
    const now = Date.parse("2026-11-01T12:00:00Z");
    expect(parseTimeBound("2026-11-01T06:00:00Z", now)).toBe(Date.parse("2026-11-01T06:00:00Z"));
    expect(parseTimeBound("2026-11-01T06:00", now)).toBe(Date.parse("2026-11-01T06:00:00Z"));
    expect(parseTimeBound("2026-11-01 06:00:00.250", now)).toBe(Date.parse("2026-11-01T06:00:00.250Z"));
    expect(parseTimeBound("2026-11-01", now)).toBe(Date.parse("2026-11-01T00:00:00Z"));
    expect(parseTimeBound("2026-11-01T08:00:00+02:00", now)).toBe(Date.parse("2026-11-01T06:00:00Z"));
    expect(parseTimeBound("1h", now)).toBe(Date.parse("2026-11-01T11:00:00Z"));
    expect(parseTimeBound("30m", now)).toBe(Date.parse("2026-11-01T11:30:00Z"));
    expect(parseTimeBound("7d", now)).toBe(Date.parse("2026-10-25T12:00:00Z"));
    for (const bad of ["yesterday", "1y", "", "2026-13-45", "h"])
      expect(parseTimeBound(bad, now)).toBeUndefined();
  });

  it("since/until use the log line's own time when the failure has no Entra timestamp, and count what they leave out", async () => {
    const log = [
      "2026-11-01T05:00:00Z ERROR api ManagedIdentityCredential authentication failed: AADSTS500011: The resource principal was not found.",
      "2026-11-01T07:00:00 ERROR api ManagedIdentityCredential authentication failed: AADSTS500011: The resource principal was not found.",
      '{"time":"2026-11-01T08:00:00Z","level":"error","msg":"AADSTS700016: Application with identifier was not found in the directory."}',
      "ERROR api AADSTS700016: Application with identifier was not found in the directory.",
      INFO,
      NDJSON,
      "",
    ].join("\n");
    const all = await scanAll([log]);
    expect(all.hits).toHaveLength(5);
    expect(all.summary.outsideTime).toBeUndefined();
    // Line 2's time has no zone: it is 07:00 UTC, inside the bounds whatever the machine's zone.
    const some = await scanAll([log], { since: "2026-11-01T06:00:00Z", until: "2026-11-01T09:00Z" });
    expect(some.hits.map((h) => h.startLine)).toEqual([2, 3]);
    expect(some.summary).toMatchObject({ hits: 2, outsideTime: 3 });
    // The NDJSON failure's Entra timestamp (2026-11-01 00:00:03Z) wins over its record's time.
    const early = await scanAll([log], { until: Date.parse("2026-11-01T01:00:00Z") });
    expect(early.hits.map((h) => h.startLine)).toEqual([6]);
    await expect(scanAll([log], { since: "yesterday" })).rejects.toThrow(/since/);
  });

  it("the CLI takes relative times and reports what the bounds left out", () => {
    const r = spawnSync(process.execPath, [CLI, "scan", "--since", "1h"], {
      input: SAMPLE,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(r.stderr).summary.files[0]).toMatchObject({ hits: 0, outsideTime: 2 });
  });
});

describe("line stage", () => {
  it("hands over exactly the lines holding a trigger, on the text and byte paths, in any chunking", () => {
    const filler = (i: number) =>
      `2026-11-01T00:00:0${i % 10}.000Z INFO api az logout; a credential; AADST; Identity found ${"x".repeat(i % 50)}`;
    const lines: string[] = [];
    const expected: number[] = [];
    for (let i = 0; i < 400; i++) {
      if (i % 7 === 3) {
        const t = TRIGGERS[((i / 7) % TRIGGERS.length) | 0] as string;
        lines.push(`${i % 2 ? "" : "prefix "}${t}${i % 3 ? " suffix" : ""}`);
        expected.push(lines.length);
      } else lines.push(filler(i));
    }
    const text = `${lines.join("\n")}\n`;
    for (const size of [5, 64, 1000, text.length]) {
      for (const bytes of [false, true]) {
        const counts = { lines: 0, longLines: 0 };
        const reader = new LineReader(1_000_000, counts, () => false);
        const seen: number[] = [];
        for (let i = 0; i < text.length; i += size) {
          const piece = text.slice(i, i + size);
          for (const line of reader.chunk(bytes ? Buffer.from(piece) : piece)) seen.push(line.no);
        }
        for (const line of reader.end()) seen.push(line.no);
        // The text path hands over a chunk's first line too; only trigger lines may be skipped.
        expect(seen.filter((no) => hasTrigger(lines[no - 1] as string))).toEqual(expected);
        if (bytes) expect(seen).toEqual(expected);
        expect(counts.lines).toBe(lines.length);
      }
    }
  });
});

describe("scan of a short array of strings", () => {
  it("reads fewer than 64 strings without line feeds as chunks of one stream, and as lines when told", async () => {
    const parts = ["2026-11-01T00:00:01Z ERROR api AADSTS7000215: Invalid client", " secret provided."];
    const chunks = await scanAll(parts);
    expect(chunks.summary.lines).toBe(1);
    expect(chunks.hits.map((h) => h.parsed.codes)).toEqual([[7000215]]);
    const lines = await scanAll(parts, { lines: true });
    expect(lines.summary.lines).toBe(2);
  });
});
