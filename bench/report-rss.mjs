// Preloaded with --import: report the process's peak RSS (KiB) and CPU time (µs, user + system) on stderr at exit.
process.on("exit", () => {
  const r = process.resourceUsage();
  process.stderr.write(`\nmaxrss=${r.maxRSS} cpu=${r.userCPUTime + r.systemCPUTime}\n`);
});
