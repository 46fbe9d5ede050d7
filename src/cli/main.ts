#!/usr/bin/env node
/** The `aadsts` binary: binds run() to the real process. */
import { fstatSync } from "node:fs";
import { run } from "./run.js";

declare const __AADSTS_VERSION__: string;

/** Stdin is read up to this many bytes; anything beyond is dropped (parse reads 1M characters at most). */
const MAX_STDIN_BYTES = 8 * 1024 * 1024;

/**
 * Stdin redirected from a directory (`aadsts explain < somedir`) reads as empty in Node; it is an input
 * that cannot be read (exit 3), so it is refused before reading.
 */
function checkStdin(): void {
  let directory = false;
  try {
    directory = fstatSync(0).isDirectory();
  } catch {
    // No stdin at all (closed descriptor): reading it will say so.
  }
  if (directory)
    throw Object.assign(new Error("stdin is a directory"), {
      code: "EISDIR",
    } as Partial<NodeJS.ErrnoException>);
}

/** Stdin as a stream of chunks, refused when it is a directory. */
async function* stdinChunks(): AsyncGenerator<Buffer> {
  checkStdin();
  for await (const chunk of process.stdin) yield chunk as Buffer;
}

async function readStdin(): Promise<string> {
  checkStdin();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = chunk as Buffer;
    if (size + buf.length > MAX_STDIN_BYTES) {
      chunks.push(buf.subarray(0, MAX_STDIN_BYTES - size));
      process.stderr.write(`aadsts: input longer than ${MAX_STDIN_BYTES} bytes; the rest is ignored\n`);
      process.stdin.destroy();
      break;
    }
    chunks.push(buf);
    size += buf.length;
  }
  return Buffer.concat(chunks).toString("utf8");
}

// A closed pipe on stdout (aadsts list | head) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
});

const code = await run({
  argv: process.argv.slice(2),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  // Getters: Node builds process.stdin and process.stderr when first touched (several ms of a cold
  // start), and most commands never ask.
  get stdinIsTTY() {
    return process.stdin.isTTY === true;
  },
  readStdin,
  stdin: stdinChunks(),
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
  out: (t) => process.stdout.write(t),
  outBytes: (b, written) =>
    process.stdout.write(b, () => written())
      ? undefined
      : new Promise<void>((resolve) => process.stdout.once("drain", () => resolve())),
  err: (t) => process.stderr.write(t),
  version: typeof __AADSTS_VERSION__ === "string" ? __AADSTS_VERSION__ : "0.0.0",
});
process.exitCode = code;
