#!/usr/bin/env node
/** The `aadsts` binary: binds run() to the real process. */
import { run } from "./run.js";

declare const __AADSTS_VERSION__: string;

/** Stdin is read up to this many bytes; anything beyond is dropped (parse reads 1M characters at most). */
const MAX_STDIN_BYTES = 8 * 1024 * 1024;

async function readStdin(): Promise<string> {
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
  stdinIsTTY: process.stdin.isTTY === true,
  readStdin,
  stdin: process.stdin,
  stderrIsTTY: process.stderr.isTTY === true,
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  version: typeof __AADSTS_VERSION__ === "string" ? __AADSTS_VERSION__ : "0.0.0",
});
process.exitCode = code;
