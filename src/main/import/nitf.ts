import { splitCaptionCredit, stripCreditPrefix } from '../../shared/format/credit';
import { parseSignOff } from '../../shared/format/signOff';
import type { ArticleInput } from '../../shared/model/article';
import type { Block, Credit } from '../../shared/model/blocks';
import { decodeXml } from './decode';
import { CREDIT_METADATA } from '../export/nitf';
import { creditOfLine, dedupe, finishImport, isoDate, languageTag } from './finish';
import { htmlBlocks } from './htmlDom';
import { child, children, find, findAll, parseXml, textOf, type XmlElement } from './safeXml';
import type { ImportContext, ImportedArticle } from './types';
import { xmlToHtml, type TagMap } from './xmlToHtml';

/** NITF's body elements as HTML, for the shared mapping; `em` carries bold/italic in its class. */
const NITF_TAGS: TagMap = (el): ReturnType<TagMap> => {
  switch (el.name) {
    case 'p':
    case 'ul':
    case 'ol':
    case 'li':
    case 'table':
    case 'tr':
    case 'td':
    case 'th':
    case 'pre':
    case 'br':
      return { tag: el.name };
    case 'hl2':
      return { tag: 'h2' };
    case 'block':
      return { tag: 'div' };
    case 'bq':
      return { tag: 'blockquote' };
    case 'a':
      return { tag: 'a', attrs: el.attrs.href ? { href: el.attrs.href } : {} };
    case 'em': {
      const cls = el.attrs.class ?? '';
      const bold = /\bbold\b/.test(cls);
      const italic = /\bitalic\b/.test(cls) || !bold;
      return {
        tag: 'span',
        attrs: { style: `${bold ? 'font-weight:bold;' : ''}${italic ? 'font-style:italic;' : ''}` },
      };
    }
    case 'media':
    case 'credit':
    case 'note':
      return null;
    default:
      return { tag: 'span' };
  }
};

function mediaCredit(media: XmlElement): Credit {
  const credit: Credit = {};
  for (const m of children(media, 'media-metadata')) {
    const key = CREDIT_METADATA[m.attrs.name as keyof typeof CREDIT_METADATA];
    if (key && m.attrs.value) credit[key] = m.attrs.value;
  }
  if (Object.keys(credit).length) return credit;
  const producer = textOf(child(media, 'media-producer'));
  return producer ? { text: stripCreditPrefix(producer) ?? producer } : {};
}

function mediaBlock(media: XmlElement, ctx: ImportContext, warnings: string[]): Block | null {
  const ref = child(media, 'media-reference');
  const source = ref?.attrs.source ?? '';
  const captionText = textOf(child(media, 'media-caption'));
  let credit = mediaCredit(media);
  let caption = captionText;
  if (!credit.text && !credit.creator && !credit.agency && !credit.provider) {
    const split = splitCaptionCredit(captionText);
    caption = split.caption;
    if (split.credit) credit = { text: split.credit };
  }
  const assetId = /^byline-asset:([0-9a-f]{64})$/.exec(source)?.[1];
  if (media.attrs['media-type'] !== 'image') {
    warnings.push(
      `A ${media.attrs['media-type'] ?? 'media'} item (${source || 'no source'}) was left out: articles hold pictures only.`,
    );
    return null;
  }
  const alt = ref?.attrs['alternate-text'] ?? '';
  if (!assetId || !ctx.hasAsset(assetId)) {
    // Named with its caption and credit, not carried: kept, waiting for its file.
    warnings.push(
      `The picture "${caption.slice(0, 60) || source}" came without its file: attach the file to it in the article.`,
    );
    const parts = credit.text ? creditOfLine(credit.text, ctx) : credit;
    return { type: 'image', assetId: null, caption, credit: parts, alt, ...(source ? { source } : {}) };
  }
  return { type: 'image', assetId, caption, credit, alt };
}

/** Body content: runs of text elements go through the HTML mapping; pictures and quotes keep their parts. */
export function nitfBodyBlocks(content: XmlElement | undefined, ctx: ImportContext, warnings: string[]): Block[] {
  if (!content) return [];
  const blocks: Block[] = [];
  let run: XmlElement['children'] = [];
  const flush = () => {
    if (run.length) blocks.push(...htmlBlocks(xmlToHtml(run, NITF_TAGS), ctx.fileName).blocks);
    run = [];
  };
  const visit = (nodes: XmlElement['children']) => {
    for (const node of nodes) {
      if (typeof node !== 'string' && node.name === 'media') {
        flush();
        const image = mediaBlock(node, ctx, warnings);
        if (image) blocks.push(image);
      } else if (typeof node !== 'string' && node.name === 'block') {
        flush();
        visit(node.children);
      } else if (typeof node !== 'string' && node.name === 'bq') {
        flush();
        const quoted = htmlBlocks(xmlToHtml(node.children, NITF_TAGS), ctx.fileName).blocks;
        const attribution = textOf(child(node, 'credit'));
        for (const [i, q] of quoted.entries()) {
          if (q.type !== 'paragraph' && q.type !== 'quote') blocks.push(q);
          else
            blocks.push({
              type: 'quote',
              children: q.children,
              ...(attribution && i === quoted.length - 1 ? { attribution } : {}),
            });
        }
      } else run.push(node);
    }
  };
  visit(content.children);
  flush();
  return blocks;
}

/** The article in a `<nitf>` element (a whole file, or the one inside a NewsML-G2 item). */
export function nitfElementToArticle(
  nitf: XmlElement,
  ctx: ImportContext,
): { draft: ArticleInput; warnings: string[] } {
  const warnings: string[] = [];
  const head = child(nitf, 'head');
  const docdata = child(head, 'docdata');
  const body = child(nitf, 'body');
  const bodyHead = child(body, 'body.head');
  const hedline = child(bodyHead, 'hedline');
  const keywords = docdata ? findAll(docdata, 'keyword').map((k) => k.attrs.key ?? textOf(k)) : [];
  const subjects = head
    ? findAll(head, 'tobject.subject').map(
        (s) =>
          s.attrs['tobject.subject.detail'] ??
          s.attrs['tobject.subject.matter'] ??
          s.attrs['tobject.subject.type'] ??
          '',
      )
    : [];
  const blocks = nitfBodyBlocks(child(body, 'body.content'), ctx, warnings);

  // The tagline is Byline's sign-off; any other tagline is text and stays, as the last paragraph.
  const taglineEl = find(child(body, 'body.end'), 'tagline');
  const signOff = parseSignOff(textOf(taglineEl), { inSignOffSlot: true });
  if (taglineEl && !signOff)
    blocks.push(...htmlBlocks(`<p>${xmlToHtml(taglineEl.children, NITF_TAGS)}</p>`, ctx.fileName).blocks);
  if (find(bodyHead, 'note')) warnings.push('An editorial note in the file was left out of the article.');

  return {
    warnings,
    draft: {
      language: languageTag(nitf.attrs['xml:lang'] ?? nitf.attrs.baselang),
      slug: child(docdata, 'du-key')?.attrs.key ?? '',
      rubric: children(head ?? nitf, 'meta').find((m) => m.attrs.name === 'rubric')?.attrs.content ?? '',
      headline: textOf(child(hedline, 'hl1')) || textOf(child(head, 'title')),
      kicker: textOf(child(hedline, 'hl2')),
      byline: textOf(child(bodyHead, 'byline')),
      dateline: textOf(child(bodyHead, 'dateline')),
      teaser: textOf(child(bodyHead, 'abstract')),
      publishedAt: isoDate(child(docdata, 'date.issue')?.attrs.norm),
      keywords: dedupe(keywords.length ? keywords : subjects),
      signOff: signOff ?? undefined,
      body: blocks,
    },
  };
}

export function importNitf(bytes: Uint8Array, ctx: ImportContext): ImportedArticle {
  const root = parseXml(ctx.fileName, decodeXml(ctx.fileName, bytes));
  const { draft, warnings } = nitfElementToArticle(root, ctx);
  return finishImport(ctx.fileName, draft, warnings);
}
