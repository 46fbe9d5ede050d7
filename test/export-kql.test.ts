/**
 * `aadsts export --format kql`: the text is checked against the rules KQL's parser applies (tokens,
 * balanced brackets, verbatim strings, identifiers, datatable row arity and types, statement structure),
 * and the free-text function is run in JS on a synthetic AppTraces-like table: its regex, taken from the
 * generated text, must pull out the code a message shows, and the join must give that code's row.
 */
import { describe, expect, it } from "vitest";
import { createCatalog, defaultCatalog, listEntries } from "../src/catalog/index.js";
import { exportCatalog, exportRows } from "../src/export.js";
import type { CatalogEntry } from "../src/schema.js";

type Token =
  | { kind: "comment" | "ident" | "number" | "punct"; text: string; at: number }
  | { kind: "string"; text: string; value: string; verbatim: boolean; at: number };

/** A KQL tokenizer covering what the export writes; anything it cannot read fails the test. */
function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const isIdStart = (c: string) => /[A-Za-z_$]/.test(c);
  const isId = (c: string) => /[A-Za-z0-9_]/.test(c);
  while (i < src.length) {
    const c = src[i] as string;
    if (c === " " || c === "\n" || c === "\r" || c === "\t") {
      i++;
    } else if (src.startsWith("//", i)) {
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? src.length : end;
      tokens.push({ kind: "comment", text: src.slice(i, stop), at: i });
      i = stop;
    } else if (c === "@" && src[i + 1] === '"') {
      // Verbatim string: no escapes; a quote is written twice; no line break inside.
      let j = i + 2;
      let value = "";
      for (;;) {
        if (j >= src.length) throw new Error(`unterminated verbatim string at ${i}`);
        const d = src[j] as string;
        if (d === "\n" || d === "\r") throw new Error(`line break inside a verbatim string at ${i}`);
        if (d === '"') {
          if (src[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += d;
        j++;
      }
      tokens.push({ kind: "string", text: src.slice(i, j + 1), value, verbatim: true, at: i });
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= src.length) throw new Error(`unterminated string at ${i}`);
        const d = src[j] as string;
        if (d === "\n") throw new Error(`line break inside a string at ${i}`);
        if (d === "\\") {
          const e = src[j + 1] as string;
          if (!"\\\"'nrt".includes(e)) throw new Error(`unknown escape \\${e} at ${j}`);
          value += e === "n" ? "\n" : e === "r" ? "\r" : e === "t" ? "\t" : e;
          j += 2;
          continue;
        }
        if (d === '"') break;
        value += d;
        j++;
      }
      tokens.push({ kind: "string", text: src.slice(i, j + 1), value, verbatim: false, at: i });
      i = j + 1;
    } else if (/[0-9]/.test(c)) {
      let j = i;
      while (j < src.length && /[0-9]/.test(src[j] as string)) j++;
      if (isId(src[j] ?? "")) throw new Error(`number runs into a name at ${i}`);
      tokens.push({ kind: "number", text: src.slice(i, j), at: i });
      i = j;
    } else if (isIdStart(c)) {
      let j = i + 1;
      while (j < src.length && isId(src[j] as string)) j++;
      tokens.push({ kind: "ident", text: src.slice(i, j), at: i });
      i = j;
    } else if (src.startsWith("==", i) || src.startsWith("!=", i)) {
      tokens.push({ kind: "punct", text: src.slice(i, i + 2), at: i });
      i += 2;
    } else if ("()[]{}|,;:=.".includes(c)) {
      tokens.push({ kind: "punct", text: c, at: i });
      i++;
    } else throw new Error(`unexpected character ${JSON.stringify(c)} at ${i}`);
  }
  return tokens;
}

const PAIRS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

function checkBrackets(tokens: Token[]): void {
  const stack: string[] = [];
  for (const t of tokens) {
    if (t.kind !== "punct") continue;
    if ("([{".includes(t.text)) stack.push(t.text);
    else if (t.text in PAIRS) expect(stack.pop(), `bracket at ${t.at}`).toBe(PAIRS[t.text]);
  }
  expect(stack).toEqual([]);
}

/** Statements: split at top-level semicolons (outside brackets), comments dropped. */
function statements(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === "comment") continue;
    if (t.kind === "punct" && "([{".includes(t.text)) depth++;
    if (t.kind === "punct" && ")]}".includes(t.text)) depth--;
    if (t.kind === "punct" && t.text === ";" && depth === 0) out.push([]);
    else (out[out.length - 1] as Token[]).push(t);
  }
  return out.filter((s) => s.length > 0);
}

const KQL_TYPES = new Set([
  "int",
  "long",
  "real",
  "string",
  "bool",
  "datetime",
  "dynamic",
  "guid",
  "timespan",
]);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Check the datatable: header of name:type pairs, then values whose count is a multiple of the columns. */
function checkDatatable(stmt: Token[]): { columns: Array<[string, string]>; rows: Token[][] } {
  const start = stmt.findIndex((t) => t.text === "datatable");
  expect(start).toBeGreaterThan(0);
  let i = start + 1;
  expect(stmt[i]?.text).toBe("(");
  i++;
  const columns: Array<[string, string]> = [];
  for (;;) {
    const name = stmt[i];
    expect(name?.kind).toBe("ident");
    expect(name?.text).toMatch(IDENT);
    expect(stmt[i + 1]?.text).toBe(":");
    const type = stmt[i + 2]?.text ?? "";
    expect(KQL_TYPES.has(type), type).toBe(true);
    columns.push([name?.text ?? "", type]);
    i += 3;
    if (stmt[i]?.text === ")") break;
    expect(stmt[i]?.text).toBe(",");
    i++;
  }
  i++;
  expect(stmt[i]?.text).toBe("[");
  i++;
  const values: Token[] = [];
  while (stmt[i]?.text !== "]") {
    const v = stmt[i] as Token;
    expect(["string", "number"]).toContain(v.kind);
    values.push(v);
    i++;
    // A comma after every value (the last one's is allowed).
    expect(stmt[i]?.text === "," || stmt[i]?.text === "]", `after value at ${v.at}`).toBe(true);
    if (stmt[i]?.text === ",") i++;
  }
  expect(i).toBe(stmt.length - 1);
  expect(values.length % columns.length).toBe(0);
  const rows: Token[][] = [];
  for (let r = 0; r < values.length; r += columns.length) {
    const row = values.slice(r, r + columns.length);
    row.forEach((v, c) => {
      expect(v.kind, `row ${r / columns.length} column ${columns[c]?.[0]}`).toBe(
        columns[c]?.[1] === "int" ? "number" : "string",
      );
    });
    rows.push(row);
  }
  return { columns, rows };
}

/** A KQL verbatim regex as a JS RegExp (RE2 and JS agree on \d, \b and groups). */
function kqlRegex(kql: string): RegExp {
  const extract = tokenize(kql).findIndex((t) => t.text === "extract");
  const tokens = tokenize(kql);
  const arg = tokens[extract + 2];
  expect(arg?.kind).toBe("string");
  expect(arg && "verbatim" in arg && arg.verbatim).toBe(true);
  return new RegExp(arg && "value" in arg ? arg.value : "(?!)");
}

describe("export --format kql", () => {
  const kql = exportCatalog("kql");
  const tokens = tokenize(kql);

  it("reads as KQL: brackets balanced, strings well quoted, statements in order", () => {
    checkBrackets(tokens);
    const stmts = statements(tokens);
    // let AadstsCatalog = …; let AadstsFailures = …; then one query.
    expect(stmts).toHaveLength(3);
    const [catalog, fn, query] = stmts as [Token[], Token[], Token[]];
    expect(catalog.slice(0, 3).map((t) => t.text)).toEqual(["let", "AadstsCatalog", "="]);
    expect(fn.slice(0, 3).map((t) => t.text)).toEqual(["let", "AadstsFailures", "="]);
    expect(query[0]?.text).toBe("SigninLogs");
    expect(query.some((t) => t.text === "let")).toBe(false);
    // The function: a tabular parameter with a string Message column, and a body in braces.
    expect(
      fn
        .slice(3, 13)
        .map((t) => t.text)
        .join(" "),
    ).toBe("( T : ( Message : string ) ) {");
    expect(fn[fn.length - 1]?.text).toBe("}");
    // Every pipe is followed by a tabular operator.
    const operators = new Set(["where", "extend", "join", "project", "summarize", "invoke"]);
    for (const [i, t] of [...fn, ...query].entries()) {
      if (t.text !== "|") continue;
      const next = [...fn, ...query][i + 1];
      expect(operators.has(next?.text ?? ""), `after | : ${next?.text}`).toBe(true);
    }
  });

  it("has one datatable row per exported code, each of the header's arity and types", () => {
    const [catalog] = statements(tokens) as [Token[]];
    const { columns, rows } = checkDatatable(catalog);
    const expected = exportRows();
    expect(rows).toHaveLength(expected.length);
    expect(columns[0]).toEqual(["code", "int"]);
    rows.forEach((row, i) => {
      expect(Number(row[0]?.text)).toBe(expected[i]?.code);
      expect(row[3] && "value" in row[3] ? row[3].value : "").toBe(expected[i]?.title.replace(/\r?\n/g, " "));
    });
  });

  it("quotes hostile catalog text so it stays one verbatim string", () => {
    const base = listEntries()[0] as CatalogEntry;
    const hostile: CatalogEntry = {
      ...base,
      id: "hostile-entry",
      title: 'Say "hi"; ] ) } // not a comment \\ back\nslash',
      match: { ...base.match, codes: [99999] },
    };
    const text = exportCatalog("kql", createCatalog([...defaultCatalog.entries, hostile]));
    const t = tokenize(text);
    checkBrackets(t);
    const [catalog] = statements(t) as [Token[]];
    const { rows } = checkDatatable(catalog);
    const row = rows.find((r) => r[0]?.text === "99999");
    expect(row?.[3] && "value" in row[3] ? row[3].value : "").toBe(
      'Say "hi"; ] ) } // not a comment \\ back slash',
    );
  });

  it("the function's regex, run on a synthetic AppTraces table, finds each message's code and joins its row", () => {
    const re = kqlRegex(kql);
    const rows = exportRows();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const appTraces = [
      {
        Message:
          "ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.",
        want: 7000215,
      },
      {
        Message:
          "ServerError: invalid_grant: Error(s): 50126 - Description: AADSTS50126: Error validating credentials",
        want: 50126,
      },
      {
        Message:
          '{"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys are expired."}',
        want: 7000222,
      },
      { Message: "token failed (AADSTS700016)", want: 700016 },
      { Message: "AADSTS99999991: a code no catalog knows", want: 99999991 },
      { Message: "AADSTS123456789 nine digits is not a code", want: undefined },
      { Message: "GET /v1/orders 200 12ms", want: undefined },
      { Message: "the word AADSTS alone", want: undefined },
      { Message: "aadsts50076 in lower case", want: undefined },
    ];
    for (const row of appTraces) {
      // where Message contains "AADSTS" (case-insensitive in KQL), then toint(extract(...)).
      const hasWord = row.Message.toLowerCase().includes("aadsts");
      const m = hasWord ? re.exec(row.Message) : null;
      const code = m ? Number(m[1]) : undefined;
      expect(code, row.Message).toBe(row.want);
      if (code === undefined) continue;
      // join kind=leftouter: the catalog row when the code is known; else docs falls back to the lookup page.
      const joined = byCode.get(code);
      const docs = joined?.docs || `https://login.microsoftonline.com/error?code=${code}`;
      if (code === 99999991) expect(joined).toBeUndefined();
      else expect(joined?.code).toBe(code);
      expect(docs).toMatch(/^https:\/\//);
    }
    expect(kql).toContain('| where Message contains "AADSTS"');
    expect(kql).toContain("| join kind=leftouter (AadstsCatalog) on $left.AadstsCode == $right.code");
  });

  it("shows how to call it on AppTraces, ContainerLogV2 and AzureDiagnostics", () => {
    const comments = tokens.filter((t) => t.kind === "comment").map((t) => t.text);
    for (const table of ["AppTraces", "ContainerLogV2", "AzureDiagnostics"]) {
      const example = comments.find((c) => c.startsWith(`// ${table} |`));
      expect(example, table).toBeDefined();
      // The example itself tokenizes as KQL, with balanced brackets, and invokes the function.
      const body = tokenize((example as string).slice(3));
      checkBrackets(body);
      expect(body.map((t) => t.text)).toContain("AadstsFailures");
    }
  });
});
