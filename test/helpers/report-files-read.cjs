// Preloaded with --require: record every file read with fs.readFileSync (ESM imports of it included), and
// print their paths as one JSON line on stderr at exit.
const fs = require("node:fs");
const { syncBuiltinESMExports } = require("node:module");
const read = [];
const original = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  read.push(String(path instanceof URL ? path.pathname : path));
  return original.call(this, path, ...rest);
};
syncBuiltinESMExports();
process.on("exit", () => process.stderr.write(`${JSON.stringify(read)}\n`));
