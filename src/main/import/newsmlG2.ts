import { BylineError } from '../../shared/errors';
import type { ArticleInput } from '../../shared/model/article';
import type { Image } from '../../shared/model/blocks';
import { decodeXml } from './decode';
import { creditOfLine, dedupe, finishImport, isoDate, languageTag } from './finish';
import { htmlBlocks } from './htmlDom';
import { nitfElementToArticle } from './nitf';
import { child, children, find, findAll, parseXml, textOf, type XmlElement } from './safeXml';
import type { ImportContext, ImportedArticle } from './types';
import { xmlToHtml } from './xmlToHtml';

export const NAR_NS = 'http://iptc.org/std/nar/2006-10-01/';

const isText = (item: XmlElement) =>
  /ninat:text\b/.test(
    child(child(item, 'itemMeta'), 'itemClass')?.attrs.qcode ?? child(item, 'itemClass')?.attrs.qcode ?? '',
  );

const isPicture = (item: XmlElement) =>
  /ninat:(picture|graphic)\b/.test(child(child(item, 'itemMeta'), 'itemClass')?.attrs.qcode ?? '');

/**
 * A picture item (a photo and its metadata, the file elsewhere): one picture, kept with its
 * caption and credit and waiting for its file.
 */
function pictureOf(meta: XmlElement, href: string | undefined, ctx: ImportContext): Image {
  const caption = textOf(
    children(meta, 'description').find((d) => /caption/.test(d.attrs.role ?? '')) ?? child(meta, 'description'),
  );
  const credit = creditOfLine(textOf(child(meta, 'creditline')), ctx);
  const photographer = children(meta, 'creator').map(nameOf).find(Boolean);
  if (!credit.creator && !credit.text && photographer) credit.creator = photographer;
  return { type: 'image', assetId: null, caption, credit, alt: '', ...(href ? { source: href } : {}) };
}

/** The news item that holds the text: the document itself, or the text item in a newsMessage. */
function textItem(root: XmlElement, fileName: string): XmlElement {
  if (root.name === 'newsItem') return root;
  if (root.name === 'newsMessage') {
    const items = findAll(root, 'newsItem');
    const item = items.find(isText) ?? items[0];
    if (item) return item;
  }
  throw new BylineError(
    'invalid-input',
    `${fileName} is a NewsML-G2 ${root.name} without a news item to import; nothing was stored.`,
  );
}

/** Prefer the text a person reads: the name in the document's language, else the first. */
function nameOf(el: XmlElement): string {
  return textOf(child(el, 'name')) || el.attrs.literal || '';
}

function packageArticle(pkg: XmlElement, fileName: string): { draft: ArticleInput; warnings: string[] } {
  const refs = findAll(pkg, 'itemRef');
  const ref = refs.find(isText);
  if (!ref)
    throw new BylineError(
      'invalid-input',
      `${fileName} is a NewsML-G2 package without a text item; nothing was stored.`,
    );
  return {
    draft: {
      language: languageTag(pkg.attrs['xml:lang']),
      headline: textOf(child(ref, 'title')) || textOf(find(child(pkg, 'contentMeta'), 'headline')),
      teaser: textOf(
        children(ref, 'description').find((d) => /summary/.test(d.attrs.role ?? '')) ?? child(ref, 'description'),
      ),
    },
    warnings: [
      `${fileName} is a package; it refers to its text item (${ref.attrs.residref ?? 'no id'}) without containing it, so only the title and summary were imported.`,
      ...(refs.length > 1 ? [`${refs.length - 1} other item(s) in the package were left out.`] : []),
    ],
  };
}

/** A newsItem's text, from inline NITF or inline XHTML. */
function itemArticle(item: XmlElement, ctx: ImportContext): { draft: ArticleInput; warnings: string[] } {
  const meta = child(item, 'contentMeta');
  const inline = find(child(item, 'contentSet'), 'inlineXML');
  const nitf = inline && find(inline, 'nitf');
  const fromNitf = nitf ? nitfElementToArticle(nitf, ctx) : { draft: {} as ArticleInput, warnings: [] as string[] };
  const draft = fromNitf.draft;
  const warnings = [...fromNitf.warnings];
  if (!nitf) {
    const html = inline && (find(inline, 'html') ?? find(inline, 'body'));
    const body = html ? (find(html, 'body') ?? html) : undefined;
    // Without metadata, an XHTML item's own heading (or its title) is its headline, not a subhead.
    const heading = !textOf(child(meta, 'headline')) && body ? find(body, 'h1') : undefined;
    if (heading) body!.children = body!.children.filter((c) => c !== heading);
    draft.headline = textOf(heading) || textOf(html && find(html, 'title'));
    if (body)
      draft.body = htmlBlocks(
        xmlToHtml(body.children, (el) => ({
          tag: el.name,
          attrs: el.attrs.href ? { href: el.attrs.href } : undefined,
        })),
        ctx.fileName,
      ).blocks;
    else if (inline) draft.body = htmlBlocks(`<p>${textOf(inline)}</p>`, ctx.fileName).blocks;
    else if (isPicture(item) && meta) draft.body = [pictureOf(meta, find(item, 'remoteContent')?.attrs.href, ctx)];
    else if (find(item, 'remoteContent'))
      warnings.push(
        `The item's content is a remote file (${find(item, 'remoteContent')?.attrs.href ?? 'no address'}) that is not part of the import.`,
      );
    if (draft.body?.some((b) => b.type === 'image' && !b.assetId))
      warnings.push('The picture came without its file: attach the file to it in the article.');
  }
  if (!meta) return { draft, warnings };

  const creators = children(meta, 'creator').map(nameOf).filter(Boolean);
  // A picture item's caption is its picture's, not a teaser.
  const description =
    children(meta, 'description').find((d) => !/caption/.test(d.attrs.role ?? '')) ??
    (isPicture(item) ? undefined : child(meta, 'description'));
  const subjects = [...children(meta, 'subject'), ...children(meta, 'keyword')].map((s) =>
    s.name === 'keyword' ? textOf(s) : nameOf(s),
  );
  return {
    warnings,
    draft: {
      ...draft,
      language: draft.language ?? languageTag(child(meta, 'language')?.attrs.tag ?? item.attrs['xml:lang']),
      slug: draft.slug || textOf(child(meta, 'slugline')),
      rubric: draft.rubric ?? '',
      headline: textOf(child(meta, 'headline')) || draft.headline || '',
      teaser: draft.teaser || textOf(description),
      byline: draft.byline || textOf(child(meta, 'by')) || creators.join(', '),
      dateline: draft.dateline || textOf(child(meta, 'dateline')),
      publishedAt: draft.publishedAt ?? isoDate(textOf(child(meta, 'contentCreated')) || undefined),
      keywords: dedupe([...(draft.keywords ?? []), ...subjects]),
    },
  };
}

export function importNewsmlG2(bytes: Uint8Array, ctx: ImportContext): ImportedArticle {
  const root = parseXml(ctx.fileName, decodeXml(ctx.fileName, bytes));
  if (root.ns !== NAR_NS)
    throw new BylineError(
      'invalid-input',
      `${ctx.fileName} is not NewsML-G2 (its root is <${root.name}> in ${root.ns || 'no namespace'}); nothing was stored.`,
    );
  const { draft, warnings } =
    root.name === 'packageItem' ? packageArticle(root, ctx.fileName) : itemArticle(textItem(root, ctx.fileName), ctx);
  return finishImport(ctx.fileName, draft, warnings);
}
