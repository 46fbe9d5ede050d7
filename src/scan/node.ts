/**
 * Node adapter for scan(): files (gzip detected by its magic bytes, not its name), pipes and stdin, read
 * in large chunks. Kept out of the core so the library stays browser-safe.
 */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { open, stat } from "node:fs/promises";
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

/** The chunks of `raw`, each reported to `onRead` by its size. */
function counted(raw: AsyncIterable<Buffer>, onRead: ((bytes: number) => void) | undefined): Readable {
  if (!onRead) return raw instanceof Readable ? raw : Readable.from(raw);
  return Readable.from(
    (async function* () {
      for await (const chunk of raw) {
        onRead(chunk.length);
        yield chunk;
      }
    })(),
  );
}

/**
 * A file's bytes, gunzipped when it is gzip. `onRead` is told how many bytes of the file itself (before
 * gunzip) each chunk took, so a caller can show progress against the file's size.
 *
 * A path that is not a regular file (a FIFO, a process substitution such as `<(cat app.log)`, a device)
 * has no size and no positions: it is opened once and streamed, and gzip is detected from its first
 * bytes. A missing or unreadable path, or a directory, is a rejected promise, not a stream error.
 */
export async function fileSource(
  path: string,
  onRead?: (bytes: number) => void,
  options: FileSourceOptions = {},
): Promise<AsyncIterable<Buffer>> {
  const st = await stat(path);
  if (st.isDirectory())
    throw Object.assign(new Error(`illegal operation on a directory, read '${path}'`), { code: "EISDIR" });
  if (!st.isFile()) return streamSource(counted(createReadStream(path, { highWaterMark: CHUNK }), onRead));
  const gzip = await isGzip(path);
  if (!gzip) return plainFile(path, onRead, options.reuse === true, options.chunkSize ?? FILE_CHUNK);
  const source = counted(createReadStream(path, { highWaterMark: CHUNK }), onRead);
  return source.pipe(createGunzip({ chunkSize: CHUNK }));
}

/** Options of {@link fileSource}. */
export interface FileSourceOptions {
  /**
   * Read every chunk of a plain file into one buffer, overwritten by the next chunk: for a consumer that is
   * done with a chunk before it asks for the next (scan() is: it decodes what it keeps, and copies the
   * incomplete last line). Saves allocating, and collecting, a buffer per chunk.
   */
  reuse?: boolean;
  /** Bytes read at once from a plain file (default 2 MiB; tests make it small to cross many chunk ends). */
  chunkSize?: number;
}

/** Largest chunk of a regular file read at once. */
const FILE_CHUNK = 2 << 20;

/**
 * A regular file's bytes, read with plain read calls instead of a stream: a stream costs a buffer, an
 * event and several promise hops per chunk, a third of the reading time of a 200 MB log. The file is
 * opened before the first chunk is asked for, so an unreadable file is a rejected promise here.
 */
async function plainFile(
  path: string,
  onRead: ((bytes: number) => void) | undefined,
  reuse: boolean,
  size: number,
): Promise<AsyncIterable<Buffer>> {
  const fd = await open(path, "r");
  await fd.close();
  const chunks = function* (): Generator<Buffer> {
    const handle = openSync(path, "r");
    try {
      let buf = Buffer.allocUnsafeSlow(size);
      for (;;) {
        const n = readSync(handle, buf, 0, buf.length, null);
        if (n === 0) return;
        onRead?.(n);
        yield n === buf.length ? buf : buf.subarray(0, n);
        if (!reuse) buf = Buffer.allocUnsafeSlow(size);
      }
    } finally {
      closeSync(handle);
    }
  };
  return (async function* () {
    yield* chunks();
  })();
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
