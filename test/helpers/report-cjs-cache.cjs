// Preloaded with --require: at exit, print the CommonJS files this process loaded (one JSON line on stderr).
process.on("exit", () => process.stderr.write(`${JSON.stringify(Object.keys(require.cache))}\n`));
