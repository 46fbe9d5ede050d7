/**
 * `aadsts enrich [FILE…]`: the enrichment step for log shippers. Reads records (NDJSON or plain lines)
 * from stdin or files and writes every one of them to stdout, in order, with an `aadsts` object on those
 * that hold an authentication failure (see src/enrich/index.ts). Output is written as soon as each input
 * chunk is read (line-buffered for a pipe); a failure block still open when the input pauses goes out
 * after --idle-ms. A summary goes to stderr at the end.
 */
import { Enricher, type EnrichOutput } from "../../enrich/index.js";
import { fileSource } from "../../scan/node.js";
import { userCatalog } from "../catalogs.js";
import { type CliIO, type Command, EXIT_CODES, parseCommandArgs, positiveInt, UsageError } from "../io.js";

const options = {
  plain: { type: "string", default: "wrap" },
  "idle-ms": { type: "string" },
  "max-line-length": { type: "string" },
  "max-block-lines": { type: "string" },
  "no-redact": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  catalog: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

const help = `Usage: aadsts enrich [FILE…] [options]

The enrichment step for a log shipper (Vector, Fluent Bit, Logstash): read records from stdin (or
FILEs, gzip detected) and write every record to stdout, in order. A record with no authentication
failure comes out byte for byte. A record holding one gets an "aadsts" object: codes, the top catalog
entry's id and title, who fixes it (actor), whether a retry helps, a docs link, trace and correlation IDs.
  NDJSON records   the "aadsts" key is added before the object's closing brace
  plain lines      wrapped as {"message": "<the line>", "aadsts": {...}} (or left as they are: --plain pass)
A failure over several lines (a Go response block, a Python traceback) is explained whole, on its
first line; the lines after it pass through unchanged.

Options:
  --plain <M>             wrap (default) | pass: what becomes of a plain line that holds a failure
  --idle-ms <N>           write an open failure block after N ms without input (default 200)
  --no-redact             keep secrets in the records that get an "aadsts" object (default: replaced;
                          records without a failure are never changed)
  --max-line-length <N>   longest line examined, in bytes (default 1000000); longer ones pass through
  --max-block-lines <N>   most lines read as one failure (default 400)
  -q, --quiet             no summary on stderr
  --catalog <FILE>        your own catalog entries on top of the built-in ones (repeatable)
  -h, --help              this help

Example:
  kubectl logs deploy/api -f | aadsts enrich | vector --config vector.toml

Exit codes: 0 done, 2 usage error, 3 input could not be read.
`;

/** Where enrich writes: the process's stdout, as bytes, waiting when the pipe is full. */
export interface ByteSink {
  write(data: Uint8Array | string): boolean;
  once(event: "drain", listener: () => void): unknown;
}

const IDLE = Symbol("idle");

/** Enrich one source into `sink`, closing an open block whenever the input is idle for `idleMs`. */
export async function enrichStream(
  source: AsyncIterable<Uint8Array | string>,
  enricher: Enricher,
  sink: ByteSink,
  idleMs: number,
): Promise<void> {
  const write = async (parts: EnrichOutput[]) => {
    if (parts.length === 0) return;
    // One write per input chunk: every complete record goes out now, in one system call.
    const data =
      parts.length === 1
        ? (parts[0] as EnrichOutput)
        : Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p)));
    if (!sink.write(data)) await new Promise<void>((resolve) => sink.once("drain", resolve));
  };
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  for (;;) {
    let r: IteratorResult<Uint8Array | string> | typeof IDLE;
    if (enricher.waiting) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      r = await Promise.race([
        next,
        new Promise<typeof IDLE>((resolve) => {
          timer = setTimeout(() => resolve(IDLE), idleMs);
        }),
      ]);
      clearTimeout(timer);
      if (r === IDLE) {
        await write(enricher.idle());
        continue;
      }
    } else r = await next;
    if (r.done) break;
    next = it.next();
    await write(enricher.push(r.value));
  }
  await write(enricher.end());
}

async function run(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options, [
    "idle-ms",
    "max-line-length",
    "max-block-lines",
  ]);
  const plain = values.plain;
  if (plain !== "wrap" && plain !== "pass")
    throw new UsageError(`unknown --plain mode '${plain}' (expected wrap, pass)`);
  const idleMs = positiveInt(values["idle-ms"], "--idle-ms") ?? 200;
  const maxLineLength = positiveInt(values["max-line-length"], "--max-line-length");
  const maxBlockLines = positiveInt(values["max-block-lines"], "--max-block-lines");
  const catalog = await userCatalog(values.catalog);
  const enricher = new Enricher({
    catalog,
    plain,
    redact: !values["no-redact"],
    ...(maxLineLength ? { maxLineLength } : {}),
    ...(maxBlockLines ? { maxBlockLines } : {}),
  });
  const inputs = positionals.length === 0 ? ["-"] : positionals;
  for (const name of inputs) {
    let source: AsyncIterable<Uint8Array | string>;
    try {
      source = name === "-" ? (io.stdin ?? (async function* () {})()) : await fileSource(name);
    } catch (e) {
      io.err(`aadsts: cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return EXIT_CODES.io;
    }
    try {
      await enrichStream(source, enricher, process.stdout, idleMs);
    } catch (e) {
      io.err(`aadsts: error while reading ${name}: ${(e as Error).message}\n`);
      return EXIT_CODES.io;
    }
  }
  if (!values.quiet) io.err(`${JSON.stringify({ summary: enricher.stats })}\n`);
  return EXIT_CODES.ok;
}

export const enrichCommand: Command = { options, help, run };
