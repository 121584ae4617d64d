/**
 * The flow files inside a zip (a retrieved `package.zip`, a repository download), read with `fflate`.
 * Hard caps refuse a zip bomb before anything is inflated: 50 MB compressed, 200 MB uncompressed (as the
 * archive declares it, and as inflated), 20,000 entries. Entry names that climb out (`..`) or are absolute
 * are ignored and listed; only flow files are inflated, the rest listed as skipped.
 */
import { unzipSync } from 'fflate';
import { isFlowFileName, type SetSkip } from '../model/set';

export const ZIP_LIMITS = { compressed: 50 * 2 ** 20, uncompressed: 200 * 2 ** 20, entries: 20_000 };

export interface ZipRead {
  files: { name: string; text: string }[];
  skipped: SetSkip[];
}

export class ZipRefused extends Error {}

const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
const unsafe = (name: string) => /^([/\\]|[A-Za-z]:)/.test(name) || name.split(/[/\\]/).includes('..');

/** The flow files of a zip's bytes; throws ZipRefused (with the reason) for an archive over the caps. */
export function readZip(bytes: Uint8Array, label: string, limits = ZIP_LIMITS): ZipRead {
  if (bytes.length > limits.compressed)
    throw new ZipRefused(`${label} is ${mb(bytes.length)}; Flowscope reads zips up to ${mb(limits.compressed)}`);
  const skipped: SetSkip[] = [];
  let entries = 0;
  let declared = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/')) return false;
        entries++;
        if (entries > limits.entries)
          throw new ZipRefused(`${label} has more than ${limits.entries.toLocaleString('en-US')} entries`);
        const at = `${label}/${f.name}`;
        if (unsafe(f.name)) {
          skipped.push({ file: at, reason: 'an entry name outside the archive (ignored)' });
          return false;
        }
        if (!isFlowFileName(f.name)) {
          skipped.push({ file: at, reason: 'not a flow file' });
          return false;
        }
        declared += f.originalSize;
        if (declared > limits.uncompressed)
          throw new ZipRefused(`${label} unpacks to more than ${mb(limits.uncompressed)}`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ZipRefused) throw e;
    throw new ZipRefused(`${label} is not a readable zip (${e instanceof Error ? e.message : String(e)})`);
  }
  const decoder = new TextDecoder();
  const files: ZipRead['files'] = [];
  let total = 0;
  for (const [name, data] of Object.entries(unzipped)) {
    total += data.length;
    // A size the archive lied about is caught here, after the fact but before any of it is parsed.
    if (total > limits.uncompressed) throw new ZipRefused(`${label} unpacks to more than ${mb(limits.uncompressed)}`);
    files.push({ name: `${label}/${name}`, text: decoder.decode(data) });
  }
  return { files, skipped };
}
