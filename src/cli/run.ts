/**
 * The CLI as a function of its inputs: arguments, environment, terminal flags and I/O callbacks in,
 * an exit code out. main.ts binds it to the real process; tests call it directly or spawn the binary.
 * This dispatcher loads only the command it runs (src/cli/commands/index.ts).
 */
import { COMMANDS, type CommandEntry } from "./commands/index.js";
import { MAIN_HELP } from "./help.js";
import { CatalogError, type CliIO, closest, EXIT_CODES, UsageError } from "./io.js";

export type { CliIO };

const HELP_FLAGS = new Set(["-h", "--help", "help"]);
const VERSION_FLAGS = new Set(["-v", "--version", "version"]);

/** The registry's entry for a command name, or a usage error naming the closest command. */
function commandNamed(name: string): CommandEntry {
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (entry) return entry;
  const near = closest(name, Object.keys(COMMANDS));
  throw new UsageError(`unknown command '${name}'${near ? `; did you mean '${near}'?` : ""}`);
}

/** `-h` or `--help` among a command's arguments, before any `--` (after it, they are text). */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "-h" || arg === "--help") return true;
  }
  return false;
}

export async function run(io: CliIO): Promise<number> {
  const [command, ...rest] = io.argv;
  let helpFor = "";
  try {
    if (command === undefined) {
      io.out(MAIN_HELP);
      return EXIT_CODES.usage;
    }
    if (HELP_FLAGS.has(command)) {
      // aadsts help scan, aadsts -h scan, aadsts --help scan: that command's help.
      const topic = rest[0];
      if (topic === undefined) io.out(MAIN_HELP);
      else io.out((await commandNamed(topic).load()).help);
      return EXIT_CODES.ok;
    }
    if (VERSION_FLAGS.has(command)) {
      io.out(`${io.version}\n`);
      return EXIT_CODES.ok;
    }
    const entry = commandNamed(command);
    helpFor = `${command} `;
    const loaded = await entry.load();
    // aadsts scan -h, aadsts explain --help: that command's help, whatever else the line holds.
    if (asksForHelp(rest)) {
      io.out(loaded.help);
      return EXIT_CODES.ok;
    }
    return await loaded.run(io, rest);
  } catch (e) {
    // Messages quote the command line back, which may hold a pasted token: redacted like any output.
    const { redact } = await import("../redact.js");
    const say = (text: string) => io.err(redact(text).text);
    if (e instanceof CatalogError) {
      say(`aadsts: ${e.message}\n`);
      return EXIT_CODES.usage;
    }
    if (e instanceof UsageError) {
      const end = e.message.endsWith("?") || e.message.endsWith(".") ? "" : ".";
      say(`aadsts: ${e.message}${end} Run 'aadsts ${helpFor}--help' for usage.\n`);
      return EXIT_CODES.usage;
    }
    say(`aadsts: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return EXIT_CODES.io;
  }
}
