import { MAX_INPUT_CHARS } from '../model/parse/guards';

export type FileText =
  | { ok: true; text: string; name: string }
  | { ok: false; name: string; message: string; hint: string };

/** Reads a user's file as text, refusing huge files before reading them into memory. */
export async function readFileText(file: File): Promise<FileText> {
  if (file.size > MAX_INPUT_CHARS) {
    return {
      ok: false,
      name: file.name,
      message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; Flowscope reads flows up to 50 MB.`,
      hint: 'Load a single .flow-meta.xml, .flow or .json file.',
    };
  }
  try {
    return { ok: true, text: await file.text(), name: file.name };
  } catch (e) {
    return {
      ok: false,
      name: file.name,
      message: `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`,
      hint: 'Check that the file is still there and readable, then try again.',
    };
  }
}
