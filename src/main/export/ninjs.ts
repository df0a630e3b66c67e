import { formatCredit } from '../../shared/format/credit';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Article } from '../../shared/model/article';
import type { AssetInfo } from '../store/assets';
import { assetUri } from './assetUri';
import { assertExportable, fileOf } from './exportable';
import { bodyHtml } from './htmlBody';
import { assertValidJson } from './jsonSchema';

export type NinjsVersion = '3.1' | '2.2';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

const nonEmpty = <T>(items: (T | false | '' | undefined)[]): T[] | undefined => {
  const kept = items.filter(Boolean) as T[];
  return kept.length ? kept : undefined;
};

/** ninjs 3.x names: camelCase. */
function ninjs3(
  article: Article,
  style: HouseStyle,
  assets: (id: string) => AssetInfo | undefined,
): Record<string, Json | undefined> {
  const images = article.body.flatMap((b) => (b.type === 'image' ? [{ ...b, assetId: fileOf(b) }] : []));
  return {
    standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' },
    uri: `urn:uuid:${article.id}`,
    type: 'text',
    version: String(article.revision),
    firstCreated: article.createdAt,
    versionCreated: article.updatedAt,
    contentCreated: article.publishedAt ?? undefined,
    language: article.language,
    slugline: article.slug || undefined,
    headlines: nonEmpty([
      { role: 'main', value: article.headline },
      article.kicker && { role: 'kicker', value: article.kicker },
    ]),
    descriptions: nonEmpty([article.teaser && { role: 'teaser', contentType: 'text/plain', value: article.teaser }]),
    by: article.byline || undefined,
    located: article.dateline || undefined,
    subjects: nonEmpty([
      article.rubric && { name: article.rubric, rel: 'rubric' },
      ...article.keywords.map((k) => ({ name: k, rel: 'keyword' })),
    ]),
    infoSources: nonEmpty([
      ...article.signOff.authors.map((name) => ({ name, role: 'author' })),
      ...article.signOff.agencies.map((name) => ({ name, role: 'agency' })),
    ]),
    bodies: nonEmpty([
      article.body.length > 0 && {
        role: 'main',
        contentType: 'application/xhtml+xml',
        value: bodyHtml(article.body, style, assetUri),
      },
    ]),
    associations: nonEmpty(
      images.map((img, i) => ({
        name: `picture-${i + 1}`,
        rel: 'embedded',
        uri: assetUri(img.assetId),
        type: 'picture',
        descriptions: nonEmpty([
          img.caption && { role: 'caption', value: img.caption },
          img.alt && { role: 'alternative-text', value: img.alt },
        ]),
        by: img.credit.creator || undefined,
        copyrightHolder: img.credit.agency || img.credit.provider || undefined,
        copyrightNotice: formatCredit(img.credit, style.credit) || undefined,
        infoSources: nonEmpty([
          img.credit.provider && { name: img.credit.provider, role: 'provider' },
          img.credit.agency && { name: img.credit.agency, role: 'agency' },
        ]),
        renditions: [{ name: 'original', href: assetUri(img.assetId), contentType: assets(img.assetId)?.mime }],
      })),
    ),
  };
}

/** ninjs 2.x has the same fields in lower case (versioncreated, contenttype, infosources). */
function lowerCaseKeys(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) return value.map((v) => lowerCaseKeys(v) as Json);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), lowerCaseKeys(v)]));
  return value;
}

/** One article as ninjs, checked against the official JSON schema of that version before it is returned. */
export function exportNinjs(
  article: Article,
  version: NinjsVersion,
  style: HouseStyle,
  assets: (id: string) => AssetInfo | undefined,
): string {
  const value = buildNinjs(article, version, style, assets);
  assertValidJson(value, `ninjs-schema_${version}.json`, `ninjs ${version} export`);
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The ninjs document alone, unchecked: exportNinjs is what may be written. */
export function buildNinjs(
  article: Article,
  version: NinjsVersion,
  style: HouseStyle,
  assets: (id: string) => AssetInfo | undefined,
): unknown {
  assertExportable(article);
  const doc3 = ninjs3(article, style, assets);
  const doc =
    version === '3.1'
      ? doc3
      : (lowerCaseKeys({
          ...doc3,
          standard: { name: 'ninjs', version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json' },
          // 2.x associations have no rel.
          associations: (doc3.associations as Record<string, Json>[] | undefined)?.map(({ rel: _rel, ...a }) => a),
        }) as Record<string, Json>);
  // Through JSON: undefined fields go, as they will in the file.
  return JSON.parse(JSON.stringify(doc)) as unknown;
}
