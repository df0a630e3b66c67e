import { SaxesParser, type SaxesTagNS } from 'saxes';
import { BylineError } from '../../shared/errors';

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' when none). */
  ns: string;
  /** Attributes by local name; `xml:lang` is kept under that name. */
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Deeper than any news format needs; deep nesting is a way to exhaust a parser's stack. */
export const MAX_XML_DEPTH = 256;
export const MAX_XML_ELEMENTS = 200_000;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Parses untrusted XML into a small tree. The parser (saxes) knows only XML's five predefined
 * entities and character references and never reads a DTD, so external entities (XXE) are never
 * fetched and nothing expands; a document that declares entities is refused outright, as are
 * documents nested too deeply or with too many elements.
 */
export function parseXml(fileName: string, text: string): XmlElement {
  const refuse = (reason: string): never => {
    throw new BylineError('invalid-input', `${fileName} was refused: ${reason}. Nothing was stored.`);
  };
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype))
      refuse(
        'it declares its own entities in a DTD (the pattern of "billion laughs" and external-entity attacks); Byline does not expand entities',
      );
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_XML_DEPTH) refuse(`its elements are nested more than ${MAX_XML_DEPTH} deep`);
    if (++count > MAX_XML_ELEMENTS) refuse(`it has more than ${MAX_XML_ELEMENTS} elements`);
    const t = tag as SaxesTagNS;
    const attrs: Record<string, string> = {};
    for (const a of Object.values(t.attributes)) attrs[a.uri === XML_NS ? `xml:${a.local}` : a.local] = a.value;
    const node: XmlElement = { name: t.local, ns: t.uri, attrs, children: [] };
    if (stack.length) stack[stack.length - 1]!.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  const addText = (value: string) => {
    const top = stack[stack.length - 1];
    if (top) top.children.push(value);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error) => {
    if (/undefined entity/i.test(error.message)) {
      const name = /&([^\s;&<]+);[^&]*$/.exec(text.slice(0, parser.position + 1))?.[1] ?? '?';
      refuse(`it uses the entity &${name}; which XML does not define (Byline does not read DTDs)`);
    }
    refuse(`it is not well-formed XML (${error.message.replace(/^[^:]*:/, `line ${parser.line}:`).trim()})`);
  });
  parser.write(text).close();
  if (!root) return refuse('it has no root element');
  return root;
}

export function children(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el ? children(el, name)[0] : undefined;
}

/** The first element with this local name anywhere below `el` (document order). */
export function find(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of children(el)) {
    if (c.name === name) return c;
    const deeper = find(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

export function findAll(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of children(el)) {
    if (c.name === name) out.push(c);
    findAll(c, name, out);
  }
  return out;
}

/** Text content with whitespace collapsed as a reader sees it. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  const raw = (node: XmlNode): string => (typeof node === 'string' ? node : node.children.map(raw).join(''));
  return raw(el).replace(/\s+/g, ' ').trim();
}
