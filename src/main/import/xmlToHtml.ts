import { escapeAttr, escapeText } from '../export/xml';
import type { XmlElement, XmlNode } from './safeXml';

/** How an XML element shows as HTML: a tag and the attributes to keep, or null to drop it. */
export type TagMap = (el: XmlElement) => { tag: string; attrs?: Record<string, string> } | null;

/**
 * Re-serializes parsed XML (NITF, XHTML inside NewsML-G2) as HTML, so one mapping (the paste
 * mapping) turns every format's body into blocks. Attributes are dropped unless the map keeps them.
 */
export function xmlToHtml(nodes: readonly XmlNode[], map: TagMap): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return escapeText(n);
      const mapped = map(n);
      if (!mapped) return '';
      const attrs = Object.entries(mapped.attrs ?? {})
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join('');
      return `<${mapped.tag}${attrs}>${xmlToHtml(n.children, map)}</${mapped.tag}>`;
    })
    .join('');
}
