import { browserToken } from './browserToken';

/** A chosen or dropped file as base64 for the IPC boundary (imports may be binary, e.g. DOCX). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a spread of millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * In browser mode a written file (an export, a package) is also handed to the browser as a
 * download, from the server's downloads route: a page cannot show a save dialog of its own.
 * The desktop app already asked where to put it.
 */
export function offerDownload(writtenPath: string): boolean {
  if (window.byline) return false;
  const name = writtenPath.split(/[\\/]/).pop();
  if (!name) return false;
  const a = document.createElement('a');
  a.href = `/download/${encodeURIComponent(name)}?token=${encodeURIComponent(browserToken() ?? '')}`;
  a.download = name;
  a.click();
  return true;
}
