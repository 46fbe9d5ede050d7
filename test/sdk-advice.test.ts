/**
 * Advice in the reader's own SDK: each SDK's wording names only that SDK's APIs and guide, the guide-derived
 * entries have a different wording for each of the five SDKs, the SDK detected in an error picks the
 * wording, and no text points "below" or "above" (there is nothing below a catalog entry).
 */
import { describe, expect, it } from "vitest";
import { entryView } from "../src/catalog/entry-view.js";
import { explain, listEntries } from "../src/index.js";

const FIVE = ["go", "js", "python", "dotnet", "java"] as const;

/** Names and URLs that belong to one SDK only. */
const TOKENS: Record<(typeof FIVE)[number], RegExp[]> = {
  go: [/\bazidentity\.\w/, /\bazcore\.\w/, /azure-sdk-for-go/, /\bNew[A-Z]\w*Credential\(/],
  js: [/@azure\/identity\b/, /@azure\/logger\b/, /azure-sdk-for-js\b/, /\bsetLogLevel\(/],
  python: [
    /(?<!com\.)\bazure\.identity\b(?!\.)/,
    /azure-sdk-for-python\b/,
    /\blogging_enable\b/,
    /\(tenant_id=/,
  ],
  dotnet: [/\bAzure\.Identity\b/, /azure-sdk-for-net\b/, /\bAzureEventSourceListener\b/],
  java: [/azure-sdk-for-java\b/, /\bCredentialBuilder\b/, /\bcom\.azure\.identity\b/],
};
const foreign = (sdk: (typeof FIVE)[number], text: string) =>
  FIVE.filter((other) => other !== sdk).flatMap((other) =>
    TOKENS[other].filter((re) => re.test(text)).map((re) => `${other}: ${re}`),
  );

const guideEntries = listEntries().filter(
  (e) => e.source.guide === "azidentity" || e.source.guide === "sdk-guides",
);

describe("advice in the reader's SDK", () => {
  it("has guide-derived entries to check", () => {
    expect(guideEntries.length).toBeGreaterThan(50);
  });

  it.each(FIVE)("shows %s readers none of another SDK's API names or guides", (sdk) => {
    const problems = listEntries().flatMap((e) =>
      foreign(sdk, entryView(e, sdk).mitigation).map((p) => `${e.id}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("gives every guide-derived entry a different wording for each of the five SDKs", () => {
    const same = guideEntries.flatMap((e) => {
      const texts = FIVE.map((sdk) => entryView(e, sdk).mitigation);
      return new Set(texts).size === FIVE.length ? [] : [e.id];
    });
    expect(same).toEqual([]);
  });

  it("uses the wording of the SDK the error shows, and --sdk overrides it", () => {
    const python =
      "azure.core.exceptions.ClientAuthenticationError: Authentication failed: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '7a3e0c21-0000-4000-8000-00000000abcd'.\nTrace ID: 5d0c5a55-0000-4000-8000-000000000001\nCorrelation ID: 5d0c5a55-0000-4000-8000-000000000002\nTimestamp: 2025-01-01 00:00:00Z";
    const [top] = explain(
      `Traceback (most recent call last):\n  File "app.py", line 9, in <module>\n    token = credential.get_token("https://vault.azure.net/.default")\n${python}`,
    ).matches;
    expect(top?.id).toBe("client-secret-invalid");
    expect(top?.mitigationSdk).toBe("python");
    expect(foreign("python", top?.mitigation ?? "")).toEqual([]);
    const [asJava] = explain(python, { sdk: "java" }).matches;
    expect(asJava?.mitigationSdk).toBe("java");
    expect(asJava?.mitigation).not.toBe(top?.mitigation);
  });

  it("reports a language that only a stack trace shows as the runtime, not an SDK, and advises in its terms", () => {
    // A third-party script's own traceback: Python printed it, no Azure SDK for Python did.
    const text =
      'Traceback (most recent call last):\n  File "/srv/jobs/export.py", line 41, in <module>\n    token = fetch()\nrequests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token\nAADSTS7000215: Invalid client secret provided.';
    const ex = explain(text);
    expect(ex.parsed.sdk).toBeUndefined();
    expect(ex.parsed.runtime).toBe("python");
    expect(ex.matches[0]?.id).toBe("client-secret-invalid");
    expect(ex.matches[0]?.mitigationSdk).toBe("python");
    // An SDK's own mark names the SDK, and then no runtime is reported beside it.
    const sdk = explain(
      `${text}\nazure.core.exceptions.ClientAuthenticationError: Authentication failed`,
    ).parsed;
    expect(sdk).toMatchObject({ sdk: "python" });
    expect(sdk.runtime).toBeUndefined();
  });

  it("never points below or above: a catalog text stands alone", () => {
    const pointer = /\b(?:see|shown|listed|described|steps|section)\s+(?:below|above)\b|\[(?:below|above)\]/i;
    const found = listEntries().flatMap((e) =>
      [
        e.description,
        e.mitigation,
        ...Object.values(e.mitigationBySdk ?? {}),
        ...(e.causes ?? []).map((c) => c.mitigation),
      ]
        .filter((t) => t && pointer.test(t))
        .map(() => e.id),
    );
    expect(found).toEqual([]);
  });

  it.each(["terraform", "powershell", "azure-cli", "browser"] as const)(
    "shows %s readers no one SDK's API names (their own wording or the neutral text)",
    (tool) => {
      const partial = listEntries().flatMap((e) => {
        const text = entryView(e, tool).mitigation;
        const named = FIVE.filter((sdk) => TOKENS[sdk].some((re) => re.test(text)));
        return named.length === 0 || named.length === FIVE.length ? [] : [`${e.id}: ${named.join(", ")}`];
      });
      expect(partial).toEqual([]);
    },
  );

  it("gives a host's reader no SDK's terms, though it names the SDK whose wording the host printed", () => {
    const adal =
      'adal: Refresh request failed. Status Code = \'401\'. Response body: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app \'3f1b9c2e-0000-4000-8000-00000000beef\'."}';
    const nmi = `E0412 08:15:02.118204       1 server.go:375] failed to get service principal token for pod: shop/cart-api-6d8f7c9b5-x2lkq, error: ${adal}`;
    const hosted = explain(nmi);
    expect(hosted.parsed.host).toBe("kubernetes");
    expect(hosted.parsed.sdk).toBe("go");
    const [top] = hosted.matches;
    expect(top?.id).toBe("client-secret-invalid");
    expect(top?.mitigationSdk).toBeUndefined();
    expect(FIVE.filter((sdk) => TOKENS[sdk].some((re) => re.test(top?.mitigation ?? "")))).toEqual([]);
    // The same adal text in a Go program of the reader's own is Go's, and gets Go's terms.
    const own = explain(`main.go:41: token refresh: azure.BearerAuthorizer#WithAuthorization: ${adal}`);
    expect(own.parsed.host).toBeUndefined();
    expect(own.matches[0]?.mitigationSdk).toBe("go");
  });

  it("gives readers of other tools SDK-neutral text, or all five SDKs side by side", () => {
    const partial = listEntries().flatMap((e) => {
      const named = FIVE.filter((sdk) => TOKENS[sdk].some((re) => re.test(e.mitigation)));
      return named.length === 0 || named.length === FIVE.length ? [] : [`${e.id}: ${named.join(", ")}`];
    });
    expect(partial).toEqual([]);
  });
});
