import { formatCredit } from '../../shared/format/credit';
import { formatSignOff } from '../../shared/format/signOff';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Article } from '../../shared/model/article';
import type { Block } from '../../shared/model/blocks';
import type { Inline } from '../../shared/model/inline';
import type { AssetInfo } from '../store/assets';
import { assetUri } from './assetUri';
import { assertExportable, fileOf } from './exportable';
import { el, escapeText } from './xml';
import { assertValidXml, NITF_36 } from './xsd';

const NITF_NS = 'http://iptc.org/std/NITF/2006-10-18/';

/** Credit parts go along as media-metadata under these names, so a round trip keeps them apart. */
export const CREDIT_METADATA = {
  'credit-provider': 'provider',
  'credit-agency': 'agency',
  'credit-creator': 'creator',
  'credit-text': 'text',
} as const;

/** ISO 8601 basic, as NITF's norm attributes want it: 20171110T120000Z. */
function isoBasic(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** NITF has one inline emphasis, <em>; its class says which: bold, italic, or both. */
function inline(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      if ('type' in n) return el('a', { href: n.url }, inline(n.children));
      const classes = [n.bold ? 'bold' : '', n.italic ? 'italic' : ''].filter(Boolean).join(' ');
      return classes ? el('em', { class: classes }, escapeText(n.text)) : escapeText(n.text);
    })
    .join('');
}

function block(
  b: Block,
  style: HouseStyle,
  assets: (id: string) => AssetInfo | undefined,
  href: (id: string) => string,
): string {
  switch (b.type) {
    case 'paragraph':
      return el('p', {}, inline(b.children));
    case 'subhead':
      return el('hl2', {}, inline(b.children));
    case 'quote':
      return el(
        'bq',
        {},
        el('block', {}, el('p', {}, inline(b.children))),
        ...(b.attribution ? [el('credit', {}, escapeText(b.attribution))] : []),
      );
    case 'list':
      return el(b.ordered ? 'ol' : 'ul', {}, ...b.items.map((i) => el('li', {}, inline(i))));
    case 'image': {
      const assetId = fileOf(b);
      const asset = assets(assetId);
      // The credit's parts go along as media-metadata, so an import gets them back apart.
      const parts = Object.entries(CREDIT_METADATA).flatMap(([name, key]) =>
        b.credit[key] ? [el('media-metadata', { name, value: b.credit[key] })] : [],
      );
      return el(
        'media',
        { 'media-type': 'image' },
        ...parts,
        el('media-reference', {
          source: href(assetId),
          'mime-type': asset?.mime,
          name: asset?.originalName,
          'alternate-text': b.alt,
        }),
        el('media-caption', {}, escapeText(b.caption)),
        el('media-producer', {}, escapeText(formatCredit(b.credit, style.credit))),
      );
    }
  }
}

/** NITF 3.6 for one article, checked against the official XSD before it is returned. */
export async function exportNitf(
  article: Article,
  style: HouseStyle,
  assets: (id: string) => AssetInfo | undefined,
  href: (id: string) => string = assetUri,
): Promise<string> {
  const xml = buildNitf(article, style, assets, href);
  await assertValidXml(xml, NITF_36, 'NITF export');
  return xml;
}

/** The NITF text alone, unchecked: exportNitf is what may be written. */
export function buildNitf(
  article: Article,
  style: HouseStyle,
  assets: (id: string) => AssetInfo | undefined,
  href: (id: string) => string = assetUri,
): string {
  assertExportable(article);
  const signOff = formatSignOff(article.signOff, style.signOff);
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    el(
      'nitf',
      {
        xmlns: NITF_NS,
        version: '-//IPTC//DTD NITF 3.6//EN',
        'change.date': 'September 11, 2009',
        'change.time': '12:26',
        'xml:lang': article.language,
      },
      el(
        'head',
        {},
        el('title', {}, escapeText(article.headline)),
        ...(article.rubric ? [el('meta', { name: 'rubric', content: article.rubric })] : []),
        el(
          'docdata',
          {},
          el('doc-id', { 'id-string': `urn:uuid:${article.id}` }),
          ...(article.publishedAt ? [el('date.issue', { norm: isoBasic(article.publishedAt) })] : []),
          el('du-key', { generation: String(article.revision), key: article.slug || undefined }),
          ...(article.keywords.length
            ? [el('key-list', {}, ...article.keywords.map((k) => el('keyword', { key: k })))]
            : []),
        ),
      ),
      el(
        'body',
        {},
        el(
          'body.head',
          {},
          el(
            'hedline',
            {},
            el('hl1', {}, escapeText(article.headline)),
            ...(article.kicker ? [el('hl2', {}, escapeText(article.kicker))] : []),
          ),
          ...(article.byline ? [el('byline', {}, escapeText(article.byline))] : []),
          ...(article.dateline ? [el('dateline', {}, escapeText(article.dateline))] : []),
          ...(article.teaser ? [el('abstract', {}, el('p', {}, escapeText(article.teaser)))] : []),
        ),
        el('body.content', {}, ...article.body.map((b) => block(b, style, assets, href))),
        ...(signOff ? [el('body.end', {}, el('tagline', {}, escapeText(signOff)))] : []),
      ),
    ) +
    '\n';
  return xml;
}
