/** The main help, drawn from the command registry; each command's own help lives in its module. */
import { COMMANDS } from "./commands/index.js";

const usage = Object.entries(COMMANDS).map(([, c]) => `  aadsts ${c.usage.padEnd(28)} ${c.summary}`);

export const MAIN_HELP = `aadsts: explain Microsoft Entra ID (Azure AD) authentication failures

Usage:
${usage.join("\n")}
  aadsts help <COMMAND>               a command's options (also: aadsts <COMMAND> --help)
  aadsts --version                    the version (also: aadsts version, -v)

Options (most commands):
  --format <F>    the output format; each command's help lists its own
                  (explain, lookup, list: text | markdown | html | ansi | json; default ansi on a
                  terminal, text when piped)
  --color <C>     auto | always | never  (default auto; NO_COLOR turns colour off)
  --catalog <F>   your own catalog entries on top of the built-in ones (repeatable)
  -h, --help      help for a command

Exit codes:
  0  explained, or entry found
  1  nothing recognised, or unknown code/id; scan --fail-on-hit: failures found
  2  usage error
  3  input could not be read

Run 'aadsts help <command>' for a command's options.
`;
