import { DOMParser } from 'linkedom';
import { BylineError } from '../../shared/errors';
import { htmlToBlocks, type PasteResult } from '../../shared/html/htmlToBlocks';

/** Deeper than this, HTML is built to exhaust a recursive walk; a real page nests a few dozen. */
export const MAX_HTML_DEPTH = 256;

/**
 * HTML to blocks in the main process. linkedom builds an inert DOM (no scripts, no network, no
 * layout), and the mapping is the editor's own paste mapping, so an imported file and a pasted one
 * become the same article. The mapping only keeps text, marks and safe links.
 */
export function htmlBlocks(html: string, fileName: string): PasteResult {
  return htmlToBlocks(parseHtml(html, fileName).body, { joinSpacedRuns: false });
}

/** The HTML as an inert document; one nested past MAX_HTML_DEPTH is refused, naming the file. */
export function parseHtml(html: string, fileName: string): Document {
  const tooDeep = () =>
    new BylineError(
      'invalid-input',
      `${fileName} cannot be imported: its HTML is nested more than ${MAX_HTML_DEPTH} levels deep. Nothing was stored.`,
    );
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(
      /<body[\s>]/i.test(html) ? html : `<html><body>${html}</body></html>`,
      'text/html',
    ) as unknown as Document;
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(); // the parser's own recursion ran out of stack
    throw error;
  }
  // Iteratively, so the check itself cannot run out of stack.
  const stack: [Element, number][] = [[doc.documentElement, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > MAX_HTML_DEPTH) throw tooDeep();
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  return doc;
}
