/**
 * Bytes ⇄ link-safe text: deflate-raw through the platform's CompressionStream (browsers and Node ≥ 18;
 * no library in the bundle) and base64url without padding.
 *
 *   compress(text: string): Promise<string>                         UTF-8 → deflate-raw → base64url
 *   decompress(payload: string, maxBytes: number): Promise<Inflated> never throws; stops reading (and
 *     cancels the stream) as soon as the output passes maxBytes, so a small "zip bomb" link costs nothing.
 */
export type Inflated =
  | { ok: true; text: string }
  | { ok: false; reason: 'base64' | 'truncated' | 'corrupt' | 'too-big' | 'encoding' };

export async function compress(text: string): Promise<string> {
  const bytes = await pump(new TextEncoder().encode(text), new CompressionStream('deflate-raw'), Infinity);
  if (bytes === 'too-big') throw new Error('unreachable');
  return toBase64Url(bytes);
}

export async function decompress(payload: string, maxBytes: number): Promise<Inflated> {
  const bytes = fromBase64Url(payload);
  if (!bytes) return { ok: false, reason: payload.length % 4 === 1 ? 'truncated' : 'base64' };
  let out: Uint8Array | 'too-big';
  try {
    out = await pump(bytes, new DecompressionStream('deflate-raw'), maxBytes);
  } catch (e) {
    // zlib reports a stream that ends before its final block as "unexpected end of file".
    return {
      ok: false,
      reason: /end of (file|stream|data)|incomplete|truncat/i.test(String(e)) ? 'truncated' : 'corrupt',
    };
  }
  if (out === 'too-big') return { ok: false, reason: 'too-big' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(out) };
  } catch {
    return { ok: false, reason: 'encoding' };
  }
}

/** Feeds `input` through a transform stream and collects the output, giving up past `max` bytes. */
async function pump(
  input: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  max: number,
): Promise<Uint8Array | 'too-big'> {
  const writer = stream.writable.getWriter();
  // Writing and closing settle only as the readable side is drained; their errors surface through read().
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return 'too-big';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  const STEP = 0x8000;
  for (let i = 0; i < bytes.length; i += STEP) bin += String.fromCharCode(...bytes.subarray(i, i + STEP));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) → bytes, or undefined when it is not base64url. */
function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return undefined;
  const bare = text.replace(/=+$/, '');
  if (bare.length % 4 === 1) return undefined;
  const b64 = bare.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (bare.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
