// Preloaded with --import: report the process's peak RSS (KiB) on stderr at exit.
process.on("exit", () => process.stderr.write(`\nmaxrss=${process.resourceUsage().maxRSS}\n`));
