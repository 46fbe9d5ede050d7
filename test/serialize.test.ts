/**
 * serializeError: a plain, JSON-safe object for any thrown value, and the same through the real pino
 * (`serializers.err`) and winston (a format) writing to an in-memory stream, read back as JSON lines.
 * Every ID and secret below is invented.
 */
import { Writable } from "node:stream";
import { AuthenticationError, CredentialUnavailableError } from "@azure/identity";
import pino from "pino";
import { describe, expect, it } from "vitest";
import winston from "winston";
import { explainingCredential } from "../src/identity.js";
import { REDACTED, type SerializedError, serializeError } from "../src/index.js";

const TRACE = "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b";
const CORRELATION = "2c3d4e5f-6071-4829-8b3c-4d5e6f7a8b9c";
const CLIENT = "3d4e5f60-7182-4930-9c4d-5e6f7a8b9c0d";
/** A client secret in Entra's shape (invented): three characters, `8Q~`, then 34 more. */
const SECRET = "Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789_-";

function invalidSecretError(): AuthenticationError {
  return new AuthenticationError(401, {
    error: "invalid_client",
    error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${CLIENT}'.\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2025-05-06 07:08:09Z`,
    error_codes: [7000215],
    timestamp: "2025-05-06 07:08:09Z",
    trace_id: TRACE,
    correlation_id: CORRELATION,
    error_uri: "https://login.microsoftonline.com/error?code=7000215",
  });
}

/** JSON-safe: what JSON.stringify writes parses back to the same value. */
function roundTrips(value: SerializedError): boolean {
  return JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value);
}

describe("serializeError", () => {
  it("gives an auth failure its Entra fields", () => {
    const err = invalidSecretError();
    const out = serializeError(err);
    expect(out).toMatchObject({
      type: "AuthenticationError",
      message: err.message,
      statusCode: 401,
      aadsts: {
        codes: [7000215],
        traceId: TRACE,
        correlationId: CORRELATION,
        id: "client-secret-invalid",
        title: "Invalid client secret",
        confidence: "high",
      },
    });
    expect(out.stack?.startsWith("AuthenticationError: invalid_client")).toBe(true);
    expect(out.aadsts?.summary).toContain("(client-secret-invalid)");
    expect(out.aadsts?.link).toMatch(/^https:\/\//);
    expect(roundTrips(out)).toBe(true);
  });

  it("gives a plain error the standard fields and no aadsts key", () => {
    for (const err of [
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      Object.assign(new Error("connect ECONNREFUSED 10.1.2.3:5432"), { code: "ECONNREFUSED" }),
      new Error("Request failed with status code 500"),
    ]) {
      const out = serializeError(err);
      expect(Object.keys(out).sort(), err.message).toEqual(
        ["message", "stack", "type", ...("code" in err ? ["code"] : [])].sort(),
      );
      expect(out.type).toBe(err.constructor.name);
      expect(out.message).toBe(err.message);
      expect(out.stack).toBe(err.stack);
    }
  });

  it("redacts secrets in the message and the stack", () => {
    const err = new Error(`token request failed: client_secret=${SECRET}&grant_type=client_credentials`);
    const out = serializeError(err);
    expect(JSON.stringify(out)).not.toContain(SECRET);
    expect(out.message).toBe(`token request failed: client_secret=${REDACTED}&grant_type=client_credentials`);
    expect(out.stack).toContain(`client_secret=${REDACTED}`);
  });

  it("follows cause and an aggregate's errors, and explains through them", () => {
    const inner = invalidSecretError();
    const outer = new Error("could not load the configuration", { cause: inner });
    const out = serializeError(outer);
    expect(out.cause?.type).toBe("AuthenticationError");
    expect(out.cause?.aadsts).toBeUndefined(); // one aadsts, at the top
    expect(out.aadsts?.id).toBe("client-secret-invalid");

    const agg = new AggregateError([new Error("first"), "second", null], "all failed");
    const a = serializeError(agg);
    expect(a.type).toBe("AggregateError");
    expect(a.aggregateErrors?.map((e) => [e.type, e.message])).toEqual([
      ["Error", "first"],
      ["string", "second"],
      ["null", "null"],
    ]);
    expect(a.aadsts).toBeUndefined();
  });

  it("survives cycles, throwing getters, revoked proxies and other odd values", () => {
    const loop = new Error("loop") as Error & { cause?: unknown; self?: unknown };
    loop.cause = loop;
    const obj: Record<string, unknown> = { error: "invalid_grant", nested: {} };
    (obj.nested as Record<string, unknown>).back = obj;
    const getter = Object.defineProperty(new Error("getter"), "stack", {
      get() {
        throw new Error("no stack for you");
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const values: unknown[] = [
      loop,
      obj,
      getter,
      proxy,
      null,
      undefined,
      42,
      10n,
      Symbol("s"),
      () => 1,
      Object.create(null),
      "plain words",
    ];
    for (const v of values) {
      const out = serializeError(v);
      expect(typeof out.type).toBe("string");
      expect(typeof out.message).toBe("string");
      expect(roundTrips(out)).toBe(true);
    }
    expect(serializeError(loop).cause).toBeUndefined();
    expect(serializeError(obj).message).toContain('"back":"[Circular]"');
    expect(serializeError(null)).toEqual({ type: "null", message: "null" });
    expect(serializeError("plain words")).toEqual({ type: "string", message: "plain words" });
  });

  it("explains a thrown string or token-endpoint body", () => {
    const s = serializeError(`AADSTS7000215: Invalid client secret provided. Trace ID: ${TRACE}`);
    expect(s).toMatchObject({ type: "string", aadsts: { codes: [7000215], traceId: TRACE } });
    const body = serializeError({
      error: "invalid_client",
      error_description: "AADSTS7000222: The provided client secret keys for app 'x' are expired.",
      error_codes: [7000222],
      client_secret: SECRET,
    });
    expect(body.aadsts?.id).toBe("client-secret-expired");
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it("says a code the catalog lacks, with Microsoft's lookup page", () => {
    const out = serializeError(new Error("AADSTS9999999: Something nobody has seen."));
    expect(out.aadsts?.codes).toEqual([9999999]);
    // Only a low guess matches it (the entry on reading an error's fields): the lookup page is the link.
    expect(out.aadsts?.confidence).toBe("low");
    expect(out.aadsts?.summary).toContain("AADSTS9999999 is not in the aadsts catalog");
    expect(out.aadsts?.link).toBe("https://login.microsoftonline.com/error?code=9999999");
  });

  it("reuses the explanation explainingCredential attached, message line included", async () => {
    const err = invalidSecretError();
    const failing = { getToken: () => Promise.reject(err) };
    await explainingCredential(failing, { appendSummary: true, sdk: "python" })
      .getToken("scope")
      .catch(() => undefined);
    const out = serializeError(err);
    expect(out.message).toContain("\naadsts: ");
    expect(out.aadsts?.id).toBe("client-secret-invalid");
  });
});

/** A writable that keeps each line written, for a logger to write to. */
function memoryStream(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    stream,
    lines: () =>
      text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe("with pino", () => {
  it("serializes err through serializers.err", () => {
    const { stream, lines } = memoryStream();
    const log = pino({ serializers: { err: serializeError } }, stream);
    const secretError = new Error(`login failed with --password ${SECRET}`);
    log.error({ err: invalidSecretError() }, "could not read the secret");
    log.error({ err: secretError }, "login");
    log.warn({ err: new RangeError("port out of range") }, "bad config");
    log.error(new CredentialUnavailableError("EnvironmentCredential is unavailable."));
    const [auth, planted, plain, unavailable] = lines();
    expect(auth?.msg).toBe("could not read the secret");
    expect(auth?.err).toMatchObject({
      type: "AuthenticationError",
      aadsts: {
        codes: [7000215],
        traceId: TRACE,
        correlationId: CORRELATION,
        id: "client-secret-invalid",
        confidence: "high",
      },
    });
    expect(JSON.stringify(planted)).not.toContain(SECRET);
    expect(planted?.err).toMatchObject({ message: `login failed with --password ${REDACTED}` });
    expect(plain?.err).toMatchObject({ type: "RangeError", message: "port out of range" });
    expect(plain?.err).not.toHaveProperty("aadsts");
    expect(unavailable?.err).toMatchObject({
      type: "CredentialUnavailableError",
      aadsts: { id: "environment-incomplete-config" },
    });
  });
});

describe("with winston", () => {
  it("serializes err through a format", () => {
    const { stream, lines } = memoryStream();
    const aadstsErrors = winston.format((info) => {
      if (info.err !== undefined) info.err = serializeError(info.err);
      return info;
    });
    const log = winston.createLogger({
      format: winston.format.combine(aadstsErrors(), winston.format.json()),
      transports: [new winston.transports.Stream({ stream })],
    });
    log.error("could not read the secret", { err: invalidSecretError() });
    log.error("login", { err: new Error(`az login --password ${SECRET}`) });
    log.warn("bad config", { err: new RangeError("port out of range") });
    const [auth, planted, plain] = lines();
    expect(auth).toMatchObject({
      level: "error",
      message: "could not read the secret",
      err: {
        type: "AuthenticationError",
        aadsts: {
          codes: [7000215],
          traceId: TRACE,
          correlationId: CORRELATION,
          id: "client-secret-invalid",
          title: "Invalid client secret",
        },
      },
    });
    expect(JSON.stringify(planted)).not.toContain(SECRET);
    expect(plain?.err).toMatchObject({ type: "RangeError", message: "port out of range" });
    expect(plain?.err).not.toHaveProperty("aadsts");
  });
});
