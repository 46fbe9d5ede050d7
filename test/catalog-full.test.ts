/**
 * The whole catalog, checked in both directions (in the spirit of rustc's error-code tidy check): every
 * code of Microsoft's reference has an entry, every entry is reached by a realistic error text, published
 * ids are never deleted, and the exports carry every code.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMessagesTsv, templatePhrases } from "../scripts/lib/compile-catalog.js";
import { parseReferenceTsv } from "../src/catalog/rules.js";
import { exportRows } from "../src/export.js";
import { type CatalogEntry, explain, exportCatalog, listEntries, lookup, lookupAll } from "../src/index.js";

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), "utf8");
const tsvCodes = parseReferenceTsv(read("data/aadsts-codes.tsv")).map((r) => r.code);
const templates = parseMessagesTsv(read("data/code-messages.tsv"));
const entries = listEntries();

/** A realistic failure text for an entry: what Entra or an SDK would print for it. */
function textFor(e: CatalogEntry): string {
  const code = e.match.codes[0];
  const credential = e.match.credentials[0];
  const error = e.match.errors[0] ?? "invalid_request";
  const trailer =
    "Trace ID: 0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f\r\nCorrelation ID: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\r\nTimestamp: 2025-06-07 08:09:10Z";
  if (code !== undefined) {
    const body = JSON.stringify({
      error,
      error_description: `AADSTS${code}: ${e.title}.\r\n${trailer}`,
      error_codes: [code],
      timestamp: "2025-06-07 08:09:10Z",
      trace_id: "0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f",
      correlation_id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    });
    return credential ? `${credential} authentication failed: ${body}` : body;
  }
  if (e.match.suberrors[0])
    return JSON.stringify({
      error: "invalid_grant",
      error_description: `Interaction needed.\r\n${trailer}`,
      suberror: e.match.suberrors[0],
    });
  if (e.match.errors[0])
    return JSON.stringify({ error: e.match.errors[0], error_description: `Request refused.\r\n${trailer}` });
  if (e.match.messages[0]) return `${credential ? `${credential}: ` : ""}${e.match.messages[0]}`;
  return "";
}

describe("catalog completeness", () => {
  it("every code of Microsoft's reference has an entry with a real description", () => {
    expect(tsvCodes.length).toBeGreaterThan(0);
    const missing = tsvCodes.filter((c) => !lookup(c));
    expect(missing).toEqual([]);
    for (const c of tsvCodes) expect((lookup(c)?.description ?? "").length, `AADSTS${c}`).toBeGreaterThan(30);
  });

  it("every code of the published list has an entry of its own, with the published message", () => {
    expect(templates.size).toBeGreaterThan(tsvCodes.length);
    const missing = [...templates.keys()].filter((c) => !lookup(c));
    expect(missing).toEqual([]);
    for (const [code, message] of templates) {
      const e = lookup(code);
      expect((e?.description ?? "").length, `AADSTS${code}`).toBeGreaterThan(30);
      expect(e?.message, `AADSTS${code}`).toBe(message);
      // A code's own entry links Microsoft's lookup page (a guide row's entry links its guide instead).
      if (e?.kind === "code")
        expect(
          e.links.map((l) => l.url),
          `AADSTS${code}`,
        ).toContain(`https://login.microsoftonline.com/error?code=${code}`);
    }
  });

  it("a published message whose code was stripped still finds its entry", () => {
    let tried = 0;
    const wrong: string[] = [];
    for (const [code, message] of templates) {
      if (templatePhrases(code, templates).length === 0) continue;
      tried++;
      // The message as Entra prints it, placeholders filled, with no code anywhere.
      const text = `Sign-in failed: ${message.replace(/\{[^{}]*\}/g, "contoso")}`;
      const top = explain(text).matches[0];
      if (!top?.codes.includes(code)) wrong.push(`${code} -> ${top?.id}`);
    }
    expect(tried).toBeGreaterThan(templates.size / 2);
    expect(wrong).toEqual([]);
  });

  it("low-confidence code entries say so by giving Microsoft's lookup link first", () => {
    const low = entries.filter((e) => e.confidence === "low" && e.kind === "code");
    expect(low.length).toBeGreaterThan(0);
    for (const e of low)
      expect(e.links[0]?.url, e.id).toBe(`https://login.microsoftonline.com/error?code=${e.match.codes[0]}`);
  });

  it("every entry with a code or an OAuth error is reached by a realistic text for it", () => {
    const wrong: string[] = [];
    for (const e of entries) {
      if (e.kind !== "code" && e.kind !== "oauth") continue;
      const top = explain(textFor(e)).matches[0]?.id;
      if (top !== e.id) wrong.push(`${e.id} -> ${top}`);
    }
    expect(wrong).toEqual([]);
  });

  it("every code seen in the wild has an entry citing its public thread", () => {
    const wild = entries.filter((e) => e.source.guide === "wild");
    expect(wild.length).toBeGreaterThanOrEqual(30);
    for (const e of wild) {
      expect(e.source.url, e.id).toMatch(
        /^https:\/\/github\.com\/[^/]+\/[^/]+\/(issues|pull|discussions)\/\d+/,
      );
      expect(tsvCodes.includes(e.match.codes[0] as number), `${e.id} is in the reference`).toBe(false);
      expect(lookup(e.match.codes[0])?.id).toBe(e.id);
      expect(e.description.length, e.id).toBeGreaterThan(30);
    }
  });

  it("no code is listed twice without a credential telling the entries apart", () => {
    for (const c of new Set(entries.flatMap((e) => e.match.codes))) {
      const general = lookupAll(c).filter((e) => e.match.credentials.length === 0 && !e.retired);
      expect(general.length, `AADSTS${c}`).toBeLessThanOrEqual(1);
    }
  });

  it("every published id is still in the catalog, and every id is published (npm run build:catalog)", () => {
    const published = read("data/published-ids.txt").split("\n").filter(Boolean);
    const ids = new Set(entries.map((e) => e.id));
    expect(published.filter((id) => !ids.has(id))).toEqual([]);
    expect([...ids].filter((id) => !published.includes(id))).toEqual([]);
  });

  it("looks entries up by symbolic name", () => {
    const named = entries.filter((e) => e.name);
    expect(named.length).toBeGreaterThan(200);
    for (const e of named)
      expect(
        lookupAll(e.name).map((x) => x.id),
        e.name,
      ).toContain(e.id);
    expect(lookup("invaliduserNameOrPassword")?.id).toBe("username-password-invalid");
  });

  it("an unknown code is said plainly, with Microsoft's lookup link", () => {
    const ex = explain(
      "AADSTS99999991: Something new happened.\nTrace ID: 0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f",
    );
    expect(ex.unknownCodes).toEqual([
      { code: 99999991, lookup: "https://login.microsoftonline.com/error?code=99999991" },
    ]);
    expect(ex.summary).toContain("AADSTS99999991 is not in the aadsts catalog");
  });

  it("benign interrupts say they are not failures", () => {
    for (const c of [50140, 50199, 16001]) {
      const e = lookup(c);
      expect(e?.category, `AADSTS${c}`).toBe("benign");
      expect(`${e?.description} ${e?.mitigation}`.toLowerCase(), `AADSTS${c}`).toMatch(
        /not (a|an) (failure|error)/,
      );
    }
  });
});

describe("exports", () => {
  const codes = [...new Set(entries.flatMap((e) => e.match.codes))].sort((a, b) => a - b);

  it("CSV round-trips every code", () => {
    const csv = exportCatalog("csv");
    const rows = parseCsv(csv);
    expect(rows[0]?.slice(0, 3)).toEqual(["code", "name", "id"]);
    expect([...new Set(rows.slice(1).map((r) => Number(r[0])))].sort((a, b) => a - b)).toEqual(codes);
    for (const r of rows.slice(1)) expect(r).toHaveLength(rows[0]?.length ?? 0);
  });

  it("JSON lines round-trip every code", () => {
    const lines = exportCatalog("json")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect([...new Set(lines.map((l) => l.code))].sort((a, b) => a - b)).toEqual(codes);
  });

  it("the KQL datatable has one row per code, and a join example", () => {
    const kql = exportCatalog("kql");
    expect(kql).toContain("let AadstsCatalog = datatable(code:int");
    expect(kql).toContain("| join kind=leftouter (AadstsCatalog) on code");
    const rowCodes = [...kql.matchAll(/^ {2}(\d+), @"/gm)].map((m) => Number(m[1]));
    expect(rowCodes).toEqual(codes);
  });

  it("a join of sign-in rows against each export multiplies no row", () => {
    // A synthetic SigninLogs table: successes (0), codes with per-credential variants, unknown codes, repeats.
    const multi = codes.filter((c) => lookupAll(c).length > 1);
    expect(multi.length).toBeGreaterThan(0);
    const signins = [0, ...multi, ...multi, 50126, 99999991, ...codes.slice(0, 50)].map((code, i) => ({
      i,
      code,
    }));
    const tables = {
      csv: parseCsv(exportCatalog("csv"))
        .slice(1)
        .map((r) => ({ code: Number(r[0]), id: r[2] })),
      json: exportCatalog("json")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { code: number; id: string }),
      kql: [...exportCatalog("kql").matchAll(/^ {2}(\d+), @"[^"]*", @"([^"]+)"/gm)].map((m) => ({
        code: Number(m[1]),
        id: m[2],
      })),
    };
    for (const [format, table] of Object.entries(tables)) {
      // kind=leftouter: every sign-in row once per matching catalog row, or once with no match.
      const joined = signins.flatMap((s) => {
        const found = table.filter((t) => t.code === s.code);
        return found.length > 0 ? found.map((t) => ({ ...s, id: t.id })) : [{ ...s, id: undefined }];
      });
      expect(joined.length, format).toBe(signins.length);
      for (const row of joined)
        if (row.code !== 0 && row.code !== 99999991)
          expect(row.id, `${format} ${row.code}`).toBe(lookup(row.code)?.id);
    }
  });

  it("a code's entries for particular credentials are listed in its row's variants", () => {
    const row = exportRows().find((r) => r.code === 700016);
    const variants = lookupAll(700016).slice(1);
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) expect(row?.variants).toContain(v.id);
  });

  it("aadsts export writes them from the CLI", () => {
    const r = spawnSync(
      process.execPath,
      [new URL("../dist/cli.js", import.meta.url).pathname, "export", "--format", "csv"],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("code,name,id,")).toBe(true);
  });
});

/** A small RFC 4180 reader, for the round-trip test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r") continue;
    else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  return rows;
}
