/** Every help text of the CLI, in one place. */
export const EXIT_CODES = {
  ok: 0,
  notRecognised: 1,
  usage: 2,
  io: 3,
} as const;

export const MAIN_HELP = `aadsts: explain Microsoft Entra ID (Azure AD) authentication failures

Usage:
  aadsts explain [TEXT | -]      explain an error (reads stdin when TEXT is absent or -)
  aadsts lookup <CODE | ID>      show one catalog entry: 7000215, AADSTS7000215 or client-secret-invalid
  aadsts search <WORDS…>         find entries by plain words: "redirect uri mismatch", "secret expired"
  aadsts list                    list the catalog, grouped by category
  aadsts export                  the catalog as a lookup table (CSV, KQL datatable or JSON lines)
  aadsts scan [FILE…]            find every failure in logs (files, .gz, stdin): NDJSON hits, summary on stderr
  aadsts enrich [FILE…]          log shipper step: every record out, in order, failures with an "aadsts" object
  aadsts mcp                     Model Context Protocol server on stdio, for AI assistants

Options (all commands):
  --format <F>    text | markdown | html | ansi | json  (default: ansi on a terminal, text when piped)
  --color <C>     auto | always | never  (default auto; NO_COLOR turns colour off)
  -h, --help      help for a command
  -v, --version   print the version

Exit codes:
  0  explained, or entry found
  1  nothing recognised, or unknown code/id
  2  usage error
  3  input could not be read

Run 'aadsts <command> --help' for a command's options.
`;

export const COMMAND_HELP: Record<string, string> = {
  explain: `Usage: aadsts explain [TEXT | -] [options]

Explain an authentication error: the error text from any Azure SDK, a token endpoint JSON body,
or plain 'AADSTSnnnn: ...' text. With no TEXT, or with -, the text is read from stdin.
Secrets in the input (tokens, client secrets, passwords, SAS signatures) are redacted from the output.

Options:
  --format <F>    text | markdown | html | ansi | json
  --color <C>     auto | always | never
  --limit <N>     how many matches to show (default 5)
  --no-redact     keep secrets in the parsed fields (never do this for output you share)
  --sdk <SDK>     give that SDK's version of the advice (default: the SDK the error came from)
  --catalog <F>   add your own entries from a YAML file, or override built-in ones (repeatable)
  -h, --help      this help

Examples:
  aadsts explain "AADSTS7000215: Invalid client secret provided."
  go test ./... 2>&1 | aadsts explain --format json
  aadsts explain - < error.txt

Exit codes: 0 explained, 1 nothing recognised, 2 usage error or invalid --catalog, 3 input could not
be read.
`,
  lookup: `Usage: aadsts lookup <CODE | AADSTSCODE | ID> [options]

Show one catalog entry by AADSTS code (7000215 or AADSTS7000215), by entry id
(client-secret-invalid) or by symbolic name (InvalidUserNameOrPassword). Where a code has one
entry per credential, the most general is shown and the others are listed under it.

Options:
  --format <F>    text | markdown | html | ansi | json
  --color <C>     auto | always | never
  --sdk <SDK>     show that SDK's version of the advice (go, js, python, dotnet, java, …)
  --catalog <F>   look in your own catalog file too (repeatable)
  -h, --help      this help

Exit codes: 0 found, 1 unknown code or id, 2 usage error or invalid --catalog.
`,
  search: `Usage: aadsts search <WORDS…> [options]

Find catalog entries by plain words, best first: titles, symbolic names, Entra's own messages,
topics and descriptions. Typos and word forms are tolerated ("redirct uri mismatch").

Options:
  --format <F>    text | json  (default text: id, codes and title, one per line)
  --limit <N>     how many entries to show (default 10)
  --catalog <F>   search your own catalog file too (repeatable)
  -h, --help      this help

Exit codes: 0 found, 1 nothing matches, 2 usage error or invalid --catalog.
`,
  list: `Usage: aadsts list [options]

List every catalog entry, grouped by category: id, AADSTS codes, symbolic name, credentials, title.

Options:
  --format <F>    text | markdown | html | ansi | json
  --color <C>     auto | always | never
  --catalog <F>   list your own catalog file's entries too (repeatable)
  -h, --help      this help

Exit codes: 0 always, 2 usage error or invalid --catalog.
`,
  scan: `Usage: aadsts scan [FILE…] [options]

Read logs (files, gzip detected by content, or stdin when no FILE or -), find every authentication
failure, group the lines of one failure (Go's response block, a Python traceback tail, a credential
chain), explain each, and print one JSON object per failure on stdout: file, startLine, endLine, the
top entry's id and title, the parsed fields and the excerpt (secrets redacted). The summary (lines
read, failures, counts by code, entry and credential) goes to stderr: a table on a terminal, JSON
otherwise.

Options:
  --format <F>            ndjson (default) | text (a report with failures per hour, per code)
  --fail-on-hit           exit 1 when any failure is found (for CI jobs)
  --since <TIME>          only failures at or after TIME (ISO 8601), by the failure's own timestamp
  --until <TIME>          only failures at or before TIME
  --max-line-length <N>   longest line read, in characters (default 1000000); longer lines are cut, flagged
  --max-block-lines <N>   most lines grouped into one failure (default 400); longer blocks are cut, flagged
  --no-redact             keep secrets in the output
  --catalog <FILE>        your own catalog entries on top of the built-in ones (repeatable)
  --no-progress           no progress line (it is shown only when stderr is a terminal and every input
                          is a file, so its size is known)
  -h, --help              this help

Examples:
  kubectl logs deploy/api --since=1h | aadsts scan --format text
  aadsts scan app.log.gz --fail-on-hit > failures.ndjson

Exit codes: 0 done (1 with --fail-on-hit and failures found), 2 usage error, 3 input could not be read.
`,
  export: `Usage: aadsts export [--format csv|kql|json] [--catalog FILE…]

Write the catalog as a lookup table keyed by AADSTS code, one row per code and entry, for log
engines that join at query time (Sentinel/Log Analytics SigninLogs.ResultType, Splunk, Elastic):
  csv    a CSV with a header row: a Sentinel watchlist or a Splunk lookup (default)
  kql    a KQL datatable named AadstsCatalog, a function AadstsFailures for tables with a Message
         column (AppTraces, ContainerLogV2, AzureDiagnostics), and a ready-to-run join with SigninLogs
  json   JSON lines: an Elastic enrich index

Columns: code, name, id, title, credentials, category, actor, retryable, userFixable,
description, docs, lookup. With --catalog, your own entries and overrides are in the table.

Exit codes: 0 written, 2 usage error or invalid --catalog.
`,
};
