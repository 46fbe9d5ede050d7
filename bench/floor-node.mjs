#!/usr/bin/env node
/**
 * The least a Node.js program does for `grep -c AADSTS`: start, read the file in 2 MiB chunks and count
 * the lines that hold AADSTS with the native Buffer#indexOf (no string is decoded, no JS call per line).
 * `npm run bench:scan` times it beside grep and `aadsts scan`: what Node costs before any failure is read
 * is part of every scan's time, and this row shows how much of a ratio against grep it takes.
 *
 *   node bench/floor-node.mjs app.log
 */
import { closeSync, openSync, readSync } from "node:fs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/floor-node.mjs FILE");
  process.exit(2);
}
const needle = Buffer.from("AADSTS");
let buf = Buffer.allocUnsafeSlow(2 << 20);
const fd = openSync(file, "r");
let lines = 0;
// The start of a line cut by the chunk's end is moved to the front of the buffer and searched with the
// next read (the buffer doubles for a line longer than itself).
let kept = 0;
for (;;) {
  if (kept === buf.length) {
    const bigger = Buffer.allocUnsafeSlow(2 * buf.length);
    buf.copy(bigger, 0, 0, kept);
    buf = bigger;
  }
  const n = readSync(fd, buf, kept, buf.length - kept, null);
  const size = kept + n;
  const last = n === 0 ? size : buf.lastIndexOf(10, size - 1) + 1;
  for (let at = buf.indexOf(needle); at >= 0 && at + needle.length <= last; ) {
    lines++;
    const end = buf.indexOf(10, at);
    if (end < 0 || end >= last) break;
    at = buf.indexOf(needle, end + 1);
  }
  if (n === 0) break;
  kept = size - last;
  buf.copy(buf, 0, last, size);
}
closeSync(fd);
console.log(lines);
