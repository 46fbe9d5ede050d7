import { ENTRY_BLOCKS, ENTRY_KEYS } from "./src/generated/catalog.js";
import { CATALOG_TABLES } from "./src/generated/catalog-tables.js";
import { unmark } from "./src/catalog/decode.js";
import { entryBlock } from "./src/catalog/entry-block.js";
const mode = process.argv[2];
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const blocks = ENTRY_BLOCKS.map((b) => b());
const texts = ENTRY_KEYS.map((k) => blocks[entryBlock(k[0])]![k[0]]!);
const t0 = cpu();
let n = 0;
if (mode === "quote") for (const t of texts) n += t.replaceAll("~", "'").length;
if (mode === "newline") for (const t of texts) n += t.replaceAll("!", "\\n").length;
if (mode === "split") for (const t of texts) n += t.split("!").length;
if (mode === "url") for (const t of texts) { const parts = t.split("^"); let out = parts[0]!; for (let i = 1; i < parts.length; i++) { const p = parts[i]!; const c = p.indexOf(")"); out += (CATALOG_TABLES.urls[Number.parseInt(p.slice(0, c), 36)] ?? "") + p.slice(c); } n += out.length; }
if (mode === "urlparse") for (const t of texts) { const parts = t.split("^"); let out = parts[0]!; for (let i = 1; i < parts.length; i++) { const p = parts[i]!; const c = p.indexOf(")"); out += (CATALOG_TABLES.urls[Number.parseInt(p.slice(0, c), 36)] ?? "") + p.slice(c); } n += JSON.parse(out) ? 1 : 0; }
if (mode === "parseonly") for (const t of texts) n += JSON.parse(t.replaceAll("!", "\\n")) ? 1 : 0;
if (mode === "regex") { const re = /\^([0-9a-z]+)\)/g; for (const t of texts) n += (t.includes("^") ? t.replace(re, (_, i) => `${CATALOG_TABLES.urls[Number.parseInt(i, 36)]})`) : t).length; }
if (mode === "indexof") for (const t of texts) { let at = t.indexOf("^"); if (at < 0) { n += t.length; continue; } let out = ""; let from = 0; while (at >= 0) { const c = t.indexOf(")", at); out += t.slice(from, at) + CATALOG_TABLES.urls[Number.parseInt(t.slice(at + 1, c), 36)]; from = c; at = t.indexOf("^", c); } out += t.slice(from); n += out.length; }
if (mode === "count") { for (const t of texts) n += t.split("^").length - 1; }
if (mode === "all3") for (let t of texts) { if (t.includes("~")) t = t.replaceAll("~", "'"); if (t.includes("!")) t = t.replaceAll("!", "\\n"); let at = t.indexOf("^"); if (at < 0) { n += t.length; continue; } let out = ""; let from = 0; while (at >= 0) { const c = t.indexOf(")", at); out += t.slice(from, at) + CATALOG_TABLES.urls[Number.parseInt(t.slice(at + 1, c), 36)]; from = c; at = t.indexOf("^", c); } out += t.slice(from); n += out.length; }
if (mode === "unmark") for (const t of texts) n += unmark(t).length;
const URLX = (t: string) => { let at = t.indexOf("^"); if (at < 0) { return t; } let out = ""; let from = 0; while (at >= 0) { const c = t.indexOf(")", at); out += t.slice(from, at) + CATALOG_TABLES.urls[Number.parseInt(t.slice(at + 1, c), 36)]; from = c; at = t.indexOf("^", c); } return out + t.slice(from); };
if (mode === "q+u") for (let t of texts) { if (t.includes("~")) t = t.replaceAll("~", "'"); n += URLX(t).length; }
if (mode === "n+u") for (let t of texts) { if (t.includes("!")) t = t.replaceAll("!", "\\n"); n += URLX(t).length; }
if (mode === "u+q+n") for (let t of texts) { t = URLX(t); if (t.includes("~")) t = t.replaceAll("~", "'"); if (t.includes("!")) t = t.replaceAll("!", "\\n"); n += t.length; }
if (mode === "q+n") for (let t of texts) { if (t.includes("~")) t = t.replaceAll("~", "'"); if (t.includes("!")) t = t.replaceAll("!", "\\n"); n += t.length; }
console.log(n, mode, (cpu() - t0).toFixed(1));
