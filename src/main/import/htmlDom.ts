import { DOMParser } from 'linkedom';
import { htmlToBlocks, type PasteResult } from '../../shared/html/htmlToBlocks';

/**
 * HTML to blocks in the main process. linkedom builds an inert DOM (no scripts, no network, no
 * layout), and the mapping is the editor's own paste mapping, so an imported file and a pasted one
 * become the same article. The mapping only keeps text, marks and safe links.
 */
export function htmlBlocks(html: string): PasteResult {
  return htmlToBlocks(parseHtml(html).body, { joinSpacedRuns: false });
}

export function parseHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(/<body[\s>]/i.test(html) ? html : `<html><body>${html}</body></html>`, 'text/html');
  return doc as unknown as Document;
}
