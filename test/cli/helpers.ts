import { join } from 'node:path';
import { runCli } from '../../src/cli/run';

export async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

export const fx = (name: string) => join(__dirname, '../fixtures', name);
