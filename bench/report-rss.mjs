// Preloaded with --import: report the process's peak RSS (KiB), its CPU time (µs, user + system, every
// thread) and, on Linux, its main thread's CPU time (ms; what the wall clock of a quiet machine follows,
// without the GC and compiler threads) on stderr at exit.
import { readFileSync } from "node:fs";

process.on("exit", () => {
  const r = process.resourceUsage();
  let main = "";
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]?.split(" ");
    // utime and stime, in clock ticks (10 ms on Linux).
    if (fields) main = ` main=${(Number(fields[11]) + Number(fields[12])) * 10}`;
  } catch {
    // Not Linux: no per-thread times.
  }
  process.stderr.write(`\nmaxrss=${r.maxRSS} cpu=${r.userCPUTime + r.systemCPUTime}${main}\n`);
});
