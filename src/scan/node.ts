/**
 * Node adapter for scan(): files (gzip detected by its magic bytes, not its name) and stdin, read in
 * large chunks. Kept out of the core so the library stays browser-safe.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

const CHUNK = 1 << 20;

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/**
 * A file's bytes, gunzipped when it is gzip. `onRead` is told how many bytes of the file itself (before
 * gunzip) each chunk took, so a caller can show progress against the file's size.
 */
export async function fileSource(
  path: string,
  onRead?: (bytes: number) => void,
): Promise<AsyncIterable<Buffer>> {
  // Opening the file first turns a missing or unreadable file into a rejected promise, not a stream error.
  const gzip = await isGzip(path);
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  const source: Readable = onRead
    ? Readable.from(
        (async function* () {
          for await (const chunk of raw as AsyncIterable<Buffer>) {
            onRead(chunk.length);
            yield chunk;
          }
        })(),
      )
    : raw;
  return gzip ? source.pipe(createGunzip({ chunkSize: CHUNK })) : source;
}

/** A stream (stdin), gunzipped when its first bytes say gzip. */
export async function streamSource(stream: AsyncIterable<Buffer>): Promise<AsyncIterable<Buffer>> {
  const it = stream[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return Readable.from([]);
  const head = first.value;
  const all = (async function* () {
    yield head;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
    return Readable.from(all).pipe(createGunzip({ chunkSize: CHUNK }));
  return all;
}
