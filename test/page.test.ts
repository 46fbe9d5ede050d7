/**
 * The offline explainer page, end to end in real headless Chromium (Debian's package, driven by
 * playwright-core). The page is built into a temporary folder and opened from file://. Every request the
 * browser makes is recorded, and so are console errors, which is where a Content-Security-Policy violation
 * would show. Screenshots go to test/artifacts/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildPage } from "../scripts/build-page.js";
import { explain, lookup } from "../src/index.js";
import { CHROMIUM_ARGS, chromiumPath } from "./helpers/chromium.js";

const ROOT = new URL("..", import.meta.url).pathname;
const ARTIFACTS = join(ROOT, "test/artifacts");
const fixture = (name: string) => readFileSync(join(ROOT, "test/fixtures", name), "utf8");

// Invented secrets, planted in a pasted log to check they never reach the view.
const SECRET = "Qx48Q~Zr3vT0bq1Yh7LmN2pW9sD5fK6jX8cV4aB";
const JWT =
  "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3ZhdWx0LmF6dXJlLm5ldCIsIm9pZCI6IjEyMyJ9.c2lnbmF0dXJlLW5vdC1yZWFs";

const LOG_EXCERPT = [
  `2025-06-30T23:05:49.120Z INFO  worker-3 fetching token for https://vault.azure.net/.default`,
  `2025-06-30T23:05:49.121Z DEBUG worker-3 POST /oauth2/v2.0/token body=grant_type=client_credentials&client_id=83813635-5066-49cd-9a9b-5a2eaec3dddd&client_secret=${SECRET}&scope=https%3A%2F%2Fvault.azure.net%2F.default`,
  `2025-06-30T23:05:51.004Z ERROR worker-3 ClientSecretCredential.get_token failed: Authentication failed: AADSTS7000222: The provided client secret keys for app '83813635-5066-49cd-9a9b-5a2eaec3dddd' are expired. Trace ID: 27f985be-a3cd-42dd-91e2-64c13dab90c1 Correlation ID: 34567d5b-f168-41f2-917a-54bad7f8feb4 Timestamp: 2025-06-30 23:05:51Z`,
  `2025-06-30T23:05:52.300Z INFO  worker-4 retrying with cached token Authorization: Bearer ${JWT}`,
  `2025-06-30T23:06:10.778Z ERROR worker-4 ManagedIdentityCredential authentication failed: AADSTS700016: Application with identifier '0d3e2f5a-7b61-4c2e-8f7d-1a2b3c4d5e6f' was not found in the directory 'contoso.onmicrosoft.com'. Trace ID: 6a1f2e3d-4c5b-4a69-8877-665544332211 Correlation ID: 11223344-5566-4788-99aa-bbccddeeff00 Timestamp: 2025-06-30 23:06:10Z`,
  `2025-06-30T23:06:11.002Z INFO  worker-4 shutting down`,
].join("\n");

let work = "";
let pageUrl = "";
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  const executablePath = chromiumPath();
  work = mkdtempSync(join(tmpdir(), "aadsts-page-"));
  const built = await buildPage(join(work, "aadsts-explainer.html"));
  pageUrl = pathToFileURL(built.file).href;
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

beforeEach(async () => {
  requests.length = 0;
  consoleErrors.length = 0;
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  context.on("request", (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.goto(pageUrl);
});

afterEach(async () => {
  // Nothing but the page itself was ever fetched, and nothing broke the policy or threw.
  expect(requests).toEqual([pageUrl]);
  expect(consoleErrors).toEqual([]);
  await context.close();
});

/** The page's fields table as label → value. */
async function fields(scope = page.locator("#explanations")): Promise<Record<string, string>> {
  const rows = await scope.locator("table.aadsts-fields tr").all();
  const out: Record<string, string> = {};
  for (const row of rows) out[await row.locator("th").innerText()] = await row.locator("td").innerText();
  return out;
}

/** A real paste: the text goes on the clipboard, then Ctrl+V in the text box. The page explains on its own. */
async function paste(text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByLabel("Error text").focus();
  await page.keyboard.press("Control+V");
  expect(await page.getByLabel("Error text").inputValue()).toBe(text);
  await expect.poll(() => page.locator("#result").isVisible()).toBe(true);
}

async function hrefs(): Promise<string[]> {
  return page.locator("#explanations a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
}

describe("the explainer page in Chromium", () => {
  it("forbids network access in its own Content-Security-Policy", async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+={0,2}'/);
    expect(csp).not.toContain("unsafe-inline");
  });

  it("explains a Go certificate failure: fields, explanation, links", async () => {
    const text = fixture("go/client-certificate-invalid-signature.txt");
    await paste(text);
    const entry = lookup("client-certificate-invalid-signature");
    // The links of the advice shown: the Go wording, since the error is azidentity's.
    const shown = explain(text).matches[0];
    expect(shown?.mitigationSdk).toBe("go");
    expect(entry).toBeDefined();
    await expect
      .poll(() => page.locator("#explanations h2").first().innerText())
      .toContain(entry?.title ?? "?");
    const f = await fields();
    expect(f.Credential).toBe("ClientCertificateCredential");
    expect(f["AADSTS codes"]).toBe("AADSTS700027");
    expect(f["OAuth error"]).toBe("invalid_client");
    expect(f["HTTP status"]).toBe("401 Unauthorized");
    expect(f["Trace ID"]).toBe("25c8ca8b-49a1-4f0c-9ea8-c27866536600");
    expect(f["Correlation ID"]).toBe("dbde708c-8b3f-4f71-892a-3f2924b92700");
    expect(f.Timestamp).toBe("2025-01-08T13:27:55Z");
    expect(await page.locator("#explanations").innerText()).toContain("What to do");
    const links = await hrefs();
    for (const link of shown?.links ?? []) expect(links).toContain(new URL(link.url).href);
    expect(links.every((h) => h.startsWith("https://"))).toBe(true);
    const targets = await page
      .locator("#explanations a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("target")));
    expect(new Set(targets)).toEqual(new Set(["_blank"]));
    await expect.poll(() => page.locator("#status").innerText()).toContain("AADSTS700027");
    await page.screenshot({ path: join(ARTIFACTS, "explainer-go-certificate.png"), fullPage: true });
  });

  it("explains a .NET managed identity failure, with the alternatives", async () => {
    const text = fixture("dotnet/managed-identity-identity-not-found.txt");
    await paste(text);
    const entry = lookup("managed-identity-vm-identity-not-assigned");
    const shown = explain(text).matches[0];
    expect(shown?.mitigationSdk).toBe("dotnet");
    await expect
      .poll(() => page.locator("#explanations h2").first().innerText())
      .toContain(entry?.title ?? "?");
    const f = await fields();
    expect(f.Credential).toBe("ManagedIdentityCredential");
    expect(f.SDK).toBe("dotnet");
    expect(f["OAuth error"]).toBe("invalid_request");
    expect(await page.locator("#explanations h3", { hasText: "Other possible causes" }).count()).toBe(1);
    const links = await hrefs();
    for (const link of shown?.links ?? []) expect(links).toContain(new URL(link.url).href);
    await page.screenshot({ path: join(ARTIFACTS, "explainer-dotnet-managed-identity.png"), fullPage: true });
  });

  it("finds each failure in a pasted log and never shows its secrets", async () => {
    await paste(LOG_EXCERPT);
    await expect.poll(() => page.locator("#result-heading").innerText()).toBe("2 failures found");
    const places = await page.locator(".hit-place").allInnerTexts();
    expect(places).toEqual(["Line 3", "Line 5"]);
    const titles = await page.locator("#explanations h2").allInnerTexts();
    expect(titles[0]).toContain(
      lookup("aadsts-7000222")?.title ?? lookup("client-secret-expired")?.title ?? "?",
    );
    expect(titles[1]).toContain(lookup("aadsts-700016")?.title ?? "?");
    const view = await page.locator("#result").innerText();
    const markdown = await page.locator("#markdown").inputValue();
    expect(markdown).toContain("AADSTS7000222");
    expect(markdown).toContain("27f985be-a3cd-42dd-91e2-64c13dab90c1");
    for (const secret of [SECRET, JWT, JWT.split(".")[2] ?? JWT]) {
      expect(view).not.toContain(secret);
      expect(markdown).not.toContain(secret);
      expect(await page.locator("#status").innerText()).not.toContain(secret);
    }
    await page.screenshot({ path: join(ARTIFACTS, "explainer-log-excerpt.png"), fullPage: true });
  });

  it("shows the chain of a DefaultAzureCredential failure from an example button", async () => {
    await page.getByRole("button", { name: "JavaScript: no credential in the chain" }).click();
    await expect.poll(() => page.locator("table.aadsts-chain tbody tr").count()).toBe(4);
    const chain = await page.locator("table.aadsts-chain tbody tr td:first-child").allInnerTexts();
    expect(chain.slice(0, 3)).toEqual([
      "EnvironmentCredential",
      "WorkloadIdentityCredential",
      "ManagedIdentityCredential",
    ]);
  });

  it("shows a failure printed twice (a Python log line and its traceback) once", async () => {
    await page.getByRole("button", { name: "Python: expired secret" }).click();
    await expect.poll(() => page.locator("#explanations h2").count()).toBe(1);
    expect(await page.locator("#result-heading").innerText()).toBe("Explanation");
    expect(await page.locator("#explanations h2").innerText()).toContain(
      lookup("client-secret-expired")?.title ?? "?",
    );
    expect((await fields())["Trace ID"]).toBe("27f985be-a3cd-32dd-61e2-64c13dab90c1");
  });

  it("renders hostile text inert", async () => {
    await paste(
      `AADSTS7000215: Invalid client secret provided. <img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script> [x](javascript:alert(1))`,
    );
    await expect.poll(() => page.locator("#explanations h2").count()).toBeGreaterThan(0);
    expect(await page.locator("#explanations img, #explanations script").count()).toBe(0);
    expect(await page.title()).not.toBe("pwned");
    expect((await hrefs()).some((h) => h.startsWith("javascript:"))).toBe(false);
    expect(await page.locator("#explanations").innerText()).toContain("<img src=x");
  });

  it("works from the keyboard, and copies the explanation as Markdown", async () => {
    // The text box has focus on load; Ctrl+Enter explains and moves focus to the result's heading.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-text");
    await page.keyboard.type("AADSTS7000222: The provided client secret keys for app 'x' are expired.");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("result-heading");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("copy-markdown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#status").innerText()).toBe("Copied the explanation as Markdown.");
    const markdown = await page.locator("#markdown").inputValue();
    expect(markdown).toMatch(/^## Expired client secret/);
    expect(markdown).toContain("AADSTS7000222");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
  });

  it("labels every control and keeps text contrast at WCAG AA, in light and dark schemes", async () => {
    await paste(fixture("go/client-certificate-invalid-signature.txt"));
    expect(await page.getByLabel("Error text").evaluate((e) => e.tagName)).toBe("TEXTAREA");
    const unnamed = await page
      .locator("button, textarea, a")
      .evaluateAll(
        (els) =>
          els.filter(
            (e) =>
              !(
                e.textContent?.trim() ||
                e.getAttribute("aria-label") ||
                (e.id && document.querySelector(`label[for="${e.id}"]`))
              ),
          ).length,
      );
    expect(unnamed).toBe(0);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const worst = await page.evaluate(contrastReport);
      expect(worst.ratio, `${scheme}: ${worst.what}`).toBeGreaterThanOrEqual(4.5);
      await page.screenshot({ path: join(ARTIFACTS, `explainer-${scheme}.png`) });
    }
  });
});

/** Runs in the page: the lowest text/background contrast among the page's text-bearing elements. */
function contrastReport(): { ratio: number; what: string } {
  const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = (rgb: number[]) => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const background = (el: Element | null): number[] => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && (c[3] ?? 0) > 0)) return c;
    }
    return [255, 255, 255];
  };
  let worst = { ratio: 21, what: "" };
  const selector = "h1, h2, h3, p, label, legend, button, a, th, td, li, summary, code, textarea";
  for (const el of document.querySelectorAll(selector)) {
    if (!(el as HTMLElement).offsetParent && el.tagName !== "BODY") continue;
    const fg = lum(parse(getComputedStyle(el).color));
    const bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < worst.ratio)
      worst = { ratio, what: `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}"` };
  }
  return worst;
}
