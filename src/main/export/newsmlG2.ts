import { formatCredit } from '../../shared/format/credit';
import type { HouseStyle } from '../../shared/houseStyle';
import { imageCredits, type Article } from '../../shared/model/article';
import type { AssetInfo } from '../store/assets';
import { assetUri } from './assetUri';
import { exportNitf } from './nitf';
import { el, escapeText } from './xml';
import { assertValidXml, NEWSML_G2_235 } from './xsd';

const NAR_NS = 'http://iptc.org/std/nar/2006-10-01/';

/**
 * A NewsML-G2 2.35 text NewsItem: the metadata a receiving system routes by (headline, teaser,
 * language, keywords, agencies, picture credits) in contentMeta, and the article itself as the
 * NITF export inline, so the body has one mapping. The NITF is checked against its own XSD
 * first, the whole item against the NewsML-G2 XSD before it is returned.
 */
export async function exportNewsmlG2(
  article: Article,
  style: HouseStyle,
  assets: (id: string) => AssetInfo | undefined,
  href: (id: string) => string = assetUri,
): Promise<string> {
  const nitf = (await exportNitf(article, style, assets, href)).replace(/^<\?xml[^>]*\?>\s*/, '').trim();
  const credits = [
    ...new Set(
      imageCredits(article.body)
        .map((c) => formatCredit(c, style.credit))
        .filter(Boolean),
    ),
  ];
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    el(
      'newsItem',
      {
        xmlns: NAR_NS,
        guid: `urn:uuid:${article.id}`,
        version: String(article.revision),
        standard: 'NewsML-G2',
        standardversion: '2.35',
        conformance: 'power',
        'xml:lang': article.language,
      },
      el('catalogRef', { href: 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml' }),
      el(
        'itemMeta',
        {},
        el('itemClass', { qcode: 'ninat:text' }),
        el('provider', { literal: 'Byline' }),
        el('versionCreated', {}, article.updatedAt),
        el('firstCreated', {}, article.createdAt),
        el('pubStatus', { qcode: 'stat:usable' }),
      ),
      el(
        'contentMeta',
        {},
        ...(article.publishedAt ? [el('contentCreated', {}, article.publishedAt)] : []),
        ...(article.dateline ? [el('located', {}, el('name', {}, escapeText(article.dateline)))] : []),
        ...article.signOff.agencies.map((a) =>
          el('infoSource', { literal: a, role: 'isrol:originfo' }, el('name', {}, escapeText(a))),
        ),
        ...article.signOff.authors.map((a) =>
          el('contributor', { literal: a, role: 'ctrol:author' }, el('name', {}, escapeText(a))),
        ),
        el('language', { tag: article.language }),
        ...article.keywords.map((k) => el('keyword', {}, escapeText(k))),
        ...(article.slug ? [el('slugline', {}, escapeText(article.slug))] : []),
        el('headline', {}, escapeText(article.headline)),
        ...(article.dateline ? [el('dateline', {}, escapeText(article.dateline))] : []),
        ...(article.byline ? [el('by', {}, escapeText(article.byline))] : []),
        ...(credits.length ? [el('creditline', {}, escapeText(credits.join('; ')))] : []),
        ...(article.teaser ? [el('description', { role: 'drol:summary' }, escapeText(article.teaser))] : []),
      ),
      el('contentSet', {}, el('inlineXML', { contenttype: 'application/nitf+xml' }, nitf)),
    ) +
    '\n';
  await assertValidXml(xml, NEWSML_G2_235, 'NewsML-G2 export');
  return xml;
}
