import type { Block } from '../model/blocks';
import { isAllowedLinkUrl, type Inline, type RichText } from '../model/inline';

export interface PastedImage {
  src: string;
  alt: string;
  /** How many of the pasted blocks come before the picture, so it can go where it was. */
  position: number;
}

export interface PasteResult {
  blocks: Block[];
  /** Pictures found in the paste; they need storing (and a credit) before they become image blocks. */
  images: PastedImage[];
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
}

type Leaf = { text: string; bold?: boolean; italic?: boolean };

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'MAIN',
  'CENTER',
  'TBODY',
  'THEAD',
  'TFOOT',
  'BODY',
]);
const BLOCKS = new Set([
  ...HEADINGS,
  ...CONTAINERS,
  'P',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'HR',
  'CAPTION',
]);

function style(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

/** One CSS property's value: `font-weight` must not match Word's `mso-bidi-font-weight`. */
function cssValue(css: string, property: string): string | undefined {
  return new RegExp(`(?:^|;)${property}:([^;]+)`).exec(css)?.[1];
}

/** Links into the copied document itself (Google Docs headings and bookmarks, Word's anchors) lead nowhere in an article. */
function isSourceDocumentLink(href: string): boolean {
  return /^https:\/\/docs\.google\.com\/document\/.*#(heading|bookmark)=/.test(href) || href.startsWith('#');
}

/** Elements whose content is never text a reader sees (DOMPurify removes them from pastes; imports meet them raw). */
const NOT_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'BUTTON',
  'TEXTAREA',
]);

/** Word's and Google Docs' notes, comments and deletions: never part of the article text. */
function isDropped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (NOT_TEXT.has(tag)) return true;
  const s = style(el);
  const cls = el.getAttribute('class') ?? '';
  const href = el.getAttribute('href') ?? '';
  const id = el.getAttribute('id') ?? '';
  return (
    tag === 'DEL' || // a tracked deletion; <s> and <strike> are only a look, their text stays
    s.includes('mso-list:ignore') || // Word's typed list bullet ("·", "1.")
    s.includes('mso-element:comment') ||
    /MsoComment/i.test(cls) ||
    /^#_msocom_/i.test(href) ||
    /^#cmnt/i.test(href) ||
    /^cmnt\d/i.test(id) ||
    s.includes('display:none') ||
    s.includes('mso-hide:all')
  );
}

function marksOf(el: Element, inherited: Marks): Marks {
  const tag = el.tagName;
  const s = style(el);
  const m: Marks = { ...inherited };
  if (tag === 'B' || tag === 'STRONG') m.bold = true;
  if (tag === 'I' || tag === 'EM' || tag === 'CITE') m.italic = true;
  const weight = cssValue(s, 'font-weight');
  if (weight) m.bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const fontStyle = cssValue(s, 'font-style');
  if (fontStyle) m.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  return m;
}

/** Inline content of an element, with marks and safe links; whitespace collapsed as a browser renders it. */
function inlinesOf(node: Node, marks: Marks, out: Inline[], sink: ImageSink): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      // As HTML renders it: ASCII whitespace collapses; a no-break space is a character (see tidy).
      const text = (child.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ');
      if (text) out.push(leaf(text, marks));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (isDropped(el)) continue;
    if (el.tagName === 'BR') {
      out.push(leaf(' ', marks));
      continue;
    }
    if (el.tagName === 'IMG') {
      sink.inline(el);
      continue;
    }
    const inner = marksOf(el, marks);
    if (el.tagName === 'A') {
      const href = el.getAttribute('href') ?? '';
      if (isAllowedLinkUrl(href) && !isSourceDocumentLink(href)) {
        const children: Inline[] = [];
        inlinesOf(el, inner, children, sink);
        const leaves = mergeLeaves(children.flatMap((c) => ('type' in c ? c.children : [c])));
        if (leaves.some((l) => l.text.trim())) out.push({ type: 'link', url: href, children: leaves });
        continue;
      }
    }
    inlinesOf(el, inner, out, sink);
  }
}

/** Neighbouring leaves with the same marks as one (a DOM may split text at entities or comments). */
function mergeLeaves(leaves: Leaf[]): Leaf[] {
  const out: Leaf[] = [];
  for (const l of leaves) {
    const prev = out[out.length - 1];
    if (prev && !!prev.bold === !!l.bold && !!prev.italic === !!l.italic)
      out[out.length - 1] = { ...prev, text: prev.text + l.text };
    else out.push({ ...l });
  }
  return out;
}

function leaf(text: string, marks: Marks): Leaf {
  const l: Leaf = { text };
  if (marks.bold) l.bold = true;
  if (marks.italic) l.italic = true;
  return l;
}

/** Collects pictures with their place among the blocks. */
interface ImageSink {
  /** A picture met inside a block's text: it goes after that block. */
  inline(el: Element): void;
}

/**
 * Whitespace as a reader sees it: one space between words, none at the block's edges, and none
 * at the edges of bold, italic or link text (the space moves outside). A lone no-break space
 * between words is kept (typography: "40 Prozent"); a run of spaces and no-break spaces (Word's
 * spacing runs) becomes one space. Neighbours with the same marks merge; empty leaves go.
 */
function tidy(inlines: Inline[], joinSpacedRuns = true): RichText | null {
  // 0. One leaf per run of the same marks (a DOM may split text at entities or comments).
  const runs: Inline[] = [];
  for (const n of inlines) {
    const prev = runs[runs.length - 1];
    if (prev && !('type' in prev) && !('type' in n) && !!prev.bold === !!n.bold && !!prev.italic === !!n.italic)
      runs[runs.length - 1] = { ...prev, text: prev.text + n.text };
    else runs.push(n);
  }
  // 1. Move leading/trailing spaces out of marked leaves and links.
  const spaced: Inline[] = [];
  for (const n of runs) {
    const marked = 'type' in n || n.bold || n.italic;
    const text = 'type' in n ? n.children.map((c) => c.text).join('') : n.text;
    const lead = marked ? (/^[ \u00a0]+/.exec(text)?.[0] ?? '') : '';
    const trail = marked && text.trim() ? (/[ \u00a0]+$/.exec(text)?.[0] ?? '') : '';
    if (lead) spaced.push({ text: ' ' });
    if ('type' in n) {
      const children = n.children.map((c) => ({ ...c }));
      if (lead) children[0]!.text = children[0]!.text.replace(/^[ \u00a0]+/, '');
      if (trail) children[children.length - 1]!.text = children[children.length - 1]!.text.replace(/[ \u00a0]+$/, '');
      spaced.push({ ...n, children });
    } else spaced.push({ ...n, text: text.slice(lead.length, text.length - trail.length) });
    if (trail) spaced.push({ text: ' ' });
  }
  // 2. Merge neighbours with the same marks; a lone space between two runs of the same marks
  //    joins them (italic, space, italic is one italic run).
  const sameMarks = (a: Inline, b: Inline) =>
    !('type' in a) && !('type' in b) && !!a.bold === !!b.bold && !!a.italic === !!b.italic;
  const merged: Inline[] = [];
  for (const n of spaced) {
    const prev = merged[merged.length - 1];
    const beforePrev = merged[merged.length - 2];
    if (prev && sameMarks(prev, n)) {
      merged[merged.length - 1] = { ...(prev as Leaf), text: (prev as Leaf).text + (n as Leaf).text };
    } else if (
      joinSpacedRuns &&
      beforePrev &&
      prev &&
      !('type' in prev) &&
      prev.text === ' ' &&
      !prev.bold &&
      !prev.italic &&
      sameMarks(beforePrev, n)
    ) {
      merged.splice(merged.length - 2, 2, {
        ...(beforePrev as Leaf),
        text: `${(beforePrev as Leaf).text} ${(n as Leaf).text}`,
      });
    } else merged.push(n);
  }
  // 3. Collapse whitespace runs, across leaf boundaries too, and trim the block's ends.
  const leaves = merged.flatMap((n) => ('type' in n ? n.children : [n]));
  collapseWhitespace(leaves);
  const result = merged
    .map((n) => ('type' in n ? { ...n, children: n.children.filter((c) => c.text !== '') } : n))
    .filter((n) => ('type' in n ? n.children.length > 0 : n.text !== ''));
  return result.length ? (result as RichText) : null;
}

const isSpace = (ch: string) => ch === ' ' || ch === '\u00a0';

/** One pass over the block's text, leaf by leaf: runs of two or more become one plain space. */
function collapseWhitespace(leaves: { text: string }[]): void {
  const chars = leaves.map((l) => Array.from(l.text));
  let prev: { leaf: number; at: number } | null = null; // the last kept whitespace, if it ends the text so far
  let seenText = false;
  for (const [li, cs] of chars.entries()) {
    for (let i = 0; i < cs.length; i++) {
      const ch = cs[i]!;
      if (!isSpace(ch)) {
        seenText = true;
        prev = null;
        continue;
      }
      if (!seenText) {
        cs[i] = ''; // leading
      } else if (prev) {
        chars[prev.leaf]![prev.at] = ' '; // a run: one plain space
        cs[i] = '';
      } else prev = { leaf: li, at: i };
    }
  }
  if (prev) chars[prev.leaf]![prev.at] = ''; // trailing
  for (const [li, cs] of chars.entries()) leaves[li]!.text = cs.join('');
}

/** Word marks list paragraphs with mso-list in their style; its ignored bullet tells the kind. */
function wordListKind(el: Element): 'ordered' | 'unordered' | null {
  if (!style(el).includes('mso-list:') || style(el).includes('mso-list:none')) return null;
  const bullet = Array.from(el.querySelectorAll('span')).find((s) => style(s).includes('mso-list:ignore'));
  const marker = (bullet?.textContent ?? '').replace(/[\s\u00a0]+/g, '');
  return /^[\dIVXLivxl]+[.)]|^[A-Za-z][.)]$/.test(marker) ? 'ordered' : 'unordered';
}

class Builder implements ImageSink {
  constructor(private readonly options: HtmlToBlocksOptions) {}

  blocks: Block[] = [];
  images: PastedImage[] = [];
  private pending: Inline[] = [];
  private newList = false;

  inline(el: Element): void {
    this.add(el, this.blocks.length + 1);
  }

  /** A picture between blocks: it goes here. */
  between(el: Element): void {
    this.flush();
    this.add(el, this.blocks.length);
  }

  private add(el: Element, position: number): void {
    const src = el.getAttribute('src') ?? '';
    if (src) this.images.push({ src, alt: (el.getAttribute('alt') ?? '').trim(), position });
  }

  /** Loose inline content between blocks becomes a paragraph. */
  flush(): void {
    const rich = this.tidy(this.pending);
    this.pending = [];
    if (rich) this.blocks.push({ type: 'paragraph', children: rich });
  }

  addInline(node: Node): void {
    const tmp: Inline[] = [];
    const wrapper = { childNodes: [node] } as unknown as Node;
    inlinesOf(wrapper, {}, tmp, this);
    this.pending.push(...tmp);
  }

  addText(type: 'paragraph' | 'subhead', el: Element): void {
    this.flush();
    const out: Inline[] = [];
    inlinesOf(el, type === 'subhead' ? {} : marksOf(el, {}), out, this);
    const rich = this.tidy(out);
    if (!rich) return;
    // Headings are plain: the bold a word processor puts on them is the heading's look, not emphasis.
    this.blocks.push(
      type === 'subhead' ? { type, children: this.tidy(rich.map(plain)) ?? rich } : { type, children: rich },
    );
  }

  addListItem(el: Element, ordered: boolean): void {
    this.flush();
    const out: Inline[] = [];
    inlinesOf(el, {}, out, this);
    const rich = this.tidy(out);
    if (!rich) return;
    const last = this.blocks[this.blocks.length - 1];
    if (last?.type === 'list' && last.ordered === ordered && !this.newList) last.items.push(rich);
    else this.blocks.push({ type: 'list', ordered, items: [rich] });
    this.newList = false;
  }

  tidy(inlines: Inline[]): RichText | null {
    return tidy(inlines, this.options.joinSpacedRuns ?? true);
  }

  /** A `<ul>`/`<ol>` starts its own list; Word's list paragraphs (one `<p>` per item) continue the last one. */
  startList(): void {
    this.newList = true;
  }
}

function plain(n: Inline): Inline {
  return 'type' in n
    ? { type: 'link', url: n.url, children: n.children.map((c) => ({ text: c.text })) }
    : { text: n.text };
}

function walk(node: Node, b: Builder): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      b.addInline(child);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (isDropped(el)) continue;
    const tag = el.tagName;
    if (!BLOCKS.has(tag)) {
      // An inline wrapper (Google Docs' <b id="docs-internal-guid">, a <span>) may hold blocks.
      if (Array.from(el.querySelectorAll('*')).some((d) => BLOCKS.has(d.tagName))) walk(el, b);
      else if (tag === 'IMG') b.between(el);
      else if (tag === 'BR') b.flush();
      else b.addInline(el);
      continue;
    }
    if (HEADINGS.has(tag)) b.addText('subhead', el);
    else if (tag === 'P') {
      const kind = wordListKind(el);
      if (kind) b.addListItem(el, kind === 'ordered');
      else if (Array.from(el.children).some((c) => BLOCKS.has(c.tagName))) walk(el, b);
      else b.addText('paragraph', el);
    } else if (tag === 'UL' || tag === 'OL') {
      b.startList();
      walkList(el, tag === 'OL', b);
    } else if (tag === 'LI') walkList(el.parentElement ?? el, el.parentElement?.tagName === 'OL', b, [el]);
    else if (tag === 'BLOCKQUOTE') walkQuote(el, b);
    else if (tag === 'PRE') {
      b.flush();
      for (const line of (el.textContent ?? '').split(/\r?\n/)) {
        const text = line.replace(/[\s\u00a0]+/g, ' ').trim();
        if (text) b.blocks.push({ type: 'paragraph', children: [{ text }] });
      }
    } else if (tag === 'TABLE') walkTable(el, b);
    else if (tag === 'HR') b.flush();
    else walk(el, b); // containers
  }
}

/** Lists stay lists; the model has no nesting, so nested items follow their parent at one level. */
function walkList(list: Element, ordered: boolean, b: Builder, only?: Element[]): void {
  b.flush();
  // Google Docs nests a list directly in its parent list, HTML nests it in an item: take both.
  for (const child of only ?? Array.from(list.children)) {
    if (child.tagName === 'UL' || child.tagName === 'OL') {
      walkList(child, child.tagName === 'OL', b);
      continue;
    }
    if (child.tagName !== 'LI') continue;
    const own = child.cloneNode(true) as Element;
    for (const nested of Array.from(own.querySelectorAll('ul, ol'))) nested.remove();
    b.addListItem(own, ordered);
    for (const nested of nestedLists(child)) walkList(nested, nested.tagName === 'OL', b);
  }
}

/** Lists inside an item, at any depth (broken HTML can wrap them in <b> or <span>), but not lists inside those. */
function nestedLists(item: Element): Element[] {
  return Array.from(item.querySelectorAll('ul, ol')).filter((list) => {
    for (let p = list.parentElement; p && p !== item; p = p.parentElement)
      if (p.tagName === 'UL' || p.tagName === 'OL') return false;
    return true;
  });
}

/** A quote's paragraphs; a `<footer>` or `<cite>` directly inside names who said it (HTML's own convention). */
function walkQuote(el: Element, b: Builder): void {
  b.flush();
  const source = Array.from(el.children).find((c) => c.tagName === 'FOOTER' || c.tagName === 'CITE');
  const attribution = (source?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .replace(/^[—–]\s*/, '')
    .trim();
  const quote = source ? (el.cloneNode(true) as Element) : el;
  if (source)
    Array.from(quote.children)
      .find((c) => c.tagName === source.tagName)
      ?.remove();
  const paragraphs = Array.from(quote.children).filter((c) => c.tagName === 'P');
  const parts = paragraphs.length ? paragraphs : [quote];
  const start = b.blocks.length;
  for (const part of parts) {
    const out: Inline[] = [];
    inlinesOf(part, {}, out, b);
    const rich = b.tidy(out);
    if (rich) b.blocks.push({ type: 'quote', children: rich });
  }
  const last = b.blocks[b.blocks.length - 1];
  if (attribution && b.blocks.length > start && last?.type === 'quote') last.attribution = attribution;
}

/** Tables have no place in an article: each row becomes a paragraph, cells separated by " | ". */
function walkTable(el: Element, b: Builder): void {
  b.flush();
  for (const row of Array.from(el.querySelectorAll('tr'))) {
    const cells: Inline[] = [];
    for (const cell of Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH')) {
      const out: Inline[] = [];
      inlinesOf(cell, {}, out, b);
      const rich = b.tidy(out);
      if (!rich) continue;
      if (cells.length) cells.push({ text: ' | ' });
      cells.push(...rich);
    }
    const rich = b.tidy(cells);
    if (rich) b.blocks.push({ type: 'paragraph', children: rich });
  }
}

/** Maps HTML (sanitized clipboard HTML in the editor, a parsed import in main) to Byline's blocks; it only reads the DOM. */
export interface HtmlToBlocksOptions {
  /**
   * Whether a lone space between two runs with the same marks joins them (Word and Google Docs
   * leave the space between two bold words unbolded). On by default, for pastes; imports of
   * exchange formats turn it off, because there the markup says exactly what is marked.
   */
  joinSpacedRuns?: boolean;
}

export function htmlToBlocks(root: Node, options: HtmlToBlocksOptions = {}): PasteResult {
  const b = new Builder(options);
  walk(root, b);
  b.flush();
  // A picture inside a block's text goes after that block, never past the end.
  const images = b.images.map((i) => ({ ...i, position: Math.min(i.position, b.blocks.length) }));
  return { blocks: b.blocks, images };
}

/**
 * Plain text: blank lines separate paragraphs (single line breaks inside one are hard wraps, as in
 * agency copy); text without blank lines gives a paragraph per line.
 */
export function textToBlocks(text: string): Block[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  const chunks = /\n[ \t]*\n/.test(normalized)
    ? normalized.split(/\n[ \t]*\n+/).map((c) => c.replace(/[ \t]*\n[ \t]*/g, ' '))
    : normalized.split('\n');
  return chunks
    .map((c) =>
      c
        .replace(/\t/g, ' ')
        .replace(/[ \u00a0]{2,}/g, ' ')
        .replace(/^[ \u00a0]+|[ \u00a0]+$/g, ''),
    )
    .filter(Boolean)
    .map((t) => ({ type: 'paragraph', children: [{ text: t }] }));
}
