import { BylineError } from '../../shared/errors';

export const IMPORT_FORMATS = ['json', 'nitf', 'newsml', 'ninjs', 'html', 'md', 'docx', 'text'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * The format of a file from its content, never its name: a renamed file is still what it is.
 * Known binary formats that are not articles (images, PDFs, archives) are refused by name.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (Buffer.from(bytes.subarray(0, Math.min(bytes.length, 65536))).includes('word/')) return 'docx';
    throw new BylineError(
      'invalid-input',
      `${fileName} is a ZIP archive but neither a Word document (.docx) nor a Byline package (.byline); nothing was stored.`,
    );
  }
  const refuse = (what: string) =>
    new BylineError('invalid-input', `${fileName} is ${what}, not an article Byline can import; nothing was stored.`);
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw refuse('a PDF');
  if (
    startsWith(bytes, 0xff, 0xd8, 0xff) ||
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(bytes, 0x47, 0x49, 0x46)
  )
    throw refuse('an image');
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) throw refuse('an old Word or Office file (.doc); save it as .docx');
  if (startsWith(bytes, 0x1f, 0x8b)) throw refuse('a gzip archive');
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (bytes.subarray(0, 4096).includes(0) && !startsWith(bytes, 0xff, 0xfe) && !startsWith(bytes, 0xfe, 0xff))
    throw refuse('binary data');

  if (head.startsWith('{'))
    return /"(headlines|bodies|versioncreated|versionCreated|uri|body_html|body_text)"\s*:/.test(head) &&
      !/"signOff"\s*:/.test(head)
      ? 'ninjs'
      : 'json';
  if (head.startsWith('[')) throw refuse('a JSON list (Byline imports one article per file)');
  if (head.startsWith('<') || startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    const text = startsWith(bytes, 0xff, 0xfe) ? new TextDecoder('utf-16le').decode(bytes.subarray(0, 4096)) : head;
    const withoutProlog = text
      .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s+(?!html)[^[>]*(\[[\s\S]*?\])?\s*>/gi, '')
      .trimStart();
    if (/^<!DOCTYPE\s+html|^<html[\s>]|^<(head|body|meta|article|p|div|h1)[\s>]/i.test(withoutProlog)) return 'html';
    const root = /^<(?:[\w.-]+:)?([\w.-]+)/.exec(withoutProlog)?.[1];
    if (root === 'nitf') return 'nitf';
    if (root === 'newsItem' || root === 'packageItem' || root === 'newsMessage') return 'newsml';
    if (root) throw refuse(`XML with the root element <${root}>, which is neither NITF nor NewsML-G2`);
  }
  // Markdown has headings, emphasis or links in its own syntax; otherwise it is a page's text.
  if (/^#{1,6} \S|^\s*[-*] \S|\*\*\S|\[[^\]]+\]\([^)]+\)/m.test(head)) return 'md';
  return 'text';
}
