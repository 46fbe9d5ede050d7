#!/usr/bin/env node
/**
 * The baseline `aadsts scan` is measured against: the same work done the way a library user would write
 * it. Read the file line by line with readline and call explain() on every line that contains AADSTS.
 * Prints how many lines it explained and how many of them matched a catalog entry.
 *
 *   node bench/baseline-readline.mjs app.log
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { explain } from "../dist/index.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/baseline-readline.mjs FILE");
  process.exit(2);
}
let explained = 0;
let matched = 0;
const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) {
  if (!line.includes("AADSTS")) continue;
  explained++;
  if (explain(line).matches.length > 0) matched++;
}
console.log(JSON.stringify({ explained, matched }));
