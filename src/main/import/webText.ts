import { BylineError } from '../../shared/errors';
import { blockText, type Block, type Image } from '../../shared/model/blocks';
import { decodeUtf8 } from './decode';
import { creditOfLine, finishImport } from './finish';
import { bylineNames } from './pageText/byline';
import { LIST_ITEM } from './pageText/lines';
import { captionText, inlineCredit, type InlineCredit } from './pageText/captions';
import type { LineFix } from '../../shared/model/pageMapping';
import { mapPage, type MappedLine } from './pageText/mapPage';
import { readSignOffLine } from './pageText/signOffLine';
import type { ImportContext, ImportedArticle } from './types';

export { parseDateLine } from './pageText/dates';

/** "Berlin (dpa) - ", "FRANKFURT, Nov 20 (Reuters) - ", "(CNN) — ", "Hagen. " opening the text. */
const DATELINE = [
  /^((?:[\p{Lu}][\p{L}.'/ -]{1,40}?(?:,\s*[\p{L}.]+\s+\d{1,2})?\s*)?\((?:[\p{L}]{2,10}(?:\s*[/,]\s*[\p{L}]{2,10})*)\))\s*[-–—]\s*/u,
  /^(\p{Lu}[\p{Ll}]{2,}(?:[ -]\p{Lu}[\p{Ll}]+)?\.)\s+(?=\p{Lu})/u,
];

function takeDateline(text: string): { dateline: string; rest: string } | null {
  for (const re of DATELINE) {
    const m = re.exec(text);
    if (m) return { dateline: m[1]!.trim(), rest: text.slice(m[0].length) };
  }
  return null;
}

const textOf = (lines: MappedLine[], role: MappedLine['role']) => lines.find((l) => l.role === role)?.text ?? '';

function picture(caption: string, credit: InlineCredit['credit'], ctx: ImportContext, warnings: string[]): Image {
  // A page copied as text holds no picture file: the picture is kept with its caption and
  // credit, and the editor asks for the file.
  const parts = typeof credit === 'string' ? creditOfLine(credit, ctx) : credit;
  warnings.push(
    `The picture “${caption || Object.values(parts).join('/')}” came without its file: attach the file to it in the article.`,
  );
  return { type: 'image', assetId: null, caption, credit: parts, alt: '' };
}

function bodyOf(lines: MappedLine[], ctx: ImportContext, warnings: string[]): Block[] {
  const body: Block[] = [];
  const parts = lines.filter((l) => ['paragraph', 'subhead', 'list', 'caption', 'credit'].includes(l.role));
  for (let i = 0; i < parts.length; i++) {
    const l = parts[i]!;
    const next = parts[i + 1];
    if (l.role === 'caption' || l.role === 'credit') {
      const pair =
        next && next.role !== l.role && (next.role === 'caption' || next.role === 'credit') && next.at - l.at <= 2
          ? next
          : undefined;
      if (pair) i++;
      const caption = l.role === 'caption' ? l : pair;
      const credit = l.role === 'credit' ? l : pair;
      if (credit) body.push(picture(caption ? captionText(caption.text) : '', credit.credit ?? '', ctx, warnings));
      else {
        const split = inlineCredit(l.text);
        body.push(
          split
            ? picture(split.caption, split.credit, ctx, warnings)
            : { type: 'paragraph', children: [{ text: l.text }] },
        );
      }
    } else if (l.role === 'list') {
      const items = [l];
      while (parts[i + 1]?.role === 'list') items.push(parts[++i]!);
      body.push({
        type: 'list',
        ordered: /^\s*\d/.test(l.text),
        items: items.map((item) => [{ text: item.text.replace(LIST_ITEM, '') }]),
      });
    } else body.push({ type: l.role === 'subhead' ? 'subhead' : 'paragraph', children: [{ text: l.text }] });
  }
  return body;
}

/** The refusal of a page that holds no article (text or HTML): a front page, a list of links, a sign-in or an error page. */
export const noArticleFound = (fileName: string) =>
  new BylineError(
    'invalid-input',
    `No article found in ${fileName}: it has no running text, as a front page, a list of links, a sign-in or an error page; nothing was stored.`,
    { problem: 'no-article' },
  );

/** A copied page's text is a few hundred kilobytes at most; ten megabytes is no page. */
export const MAX_PAGE_TEXT_BYTES = 10 * 1024 * 1024;

/** The text of a copied page mapped line by line; null when the page holds no article. */
export function mapWebText(bytes: Uint8Array, ctx: ImportContext, fixes: readonly LineFix[] = []): MappedLine[] | null {
  if (bytes.byteLength > MAX_PAGE_TEXT_BYTES) {
    throw new BylineError(
      'invalid-input',
      `${ctx.fileName} is ${(bytes.byteLength / 1048576).toFixed(1)} MB of text; a page's text may be at most ${MAX_PAGE_TEXT_BYTES / 1048576} MB. Nothing was stored.`,
      { problem: 'too-large' },
    );
  }
  const text = decodeUtf8(ctx.fileName, bytes).replace(/\r\n?/g, '\n');
  return mapPage(text, fixes);
}

/**
 * A news page copied as text (select all, copy), like the seed article: the article's parts are
 * found by the shape of its lines and where they stand, not by one site's layout or its words.
 * Pictures cannot come along as files; their captions and credits are kept so the photo desk
 * can attach them. What the page does not hold stays empty.
 */
export function importWebText(bytes: Uint8Array, ctx: ImportContext, fixes: readonly LineFix[] = []): ImportedArticle {
  const lines = mapWebText(bytes, ctx, fixes);
  if (!lines) {
    throw noArticleFound(ctx.fileName);
  }
  const warnings: string[] = [];
  const body = bodyOf(lines, ctx, warnings);
  let teaser = textOf(lines, 'teaser');
  let dateline = '';
  // The dateline opens the teaser ("Hagen. Die neue Brücke …") or else the first paragraph.
  const first = body.find((b) => b.type === 'paragraph');
  const inTeaser = takeDateline(teaser);
  const inText = inTeaser ? null : first && takeDateline(blockText(first));
  if (inTeaser) [dateline, teaser] = [inTeaser.dateline, inTeaser.rest];
  else if (inText && first) [dateline, first.children] = [inText.dateline, [{ text: inText.rest }]];
  const date = lines.find((l) => l.role === 'date')?.date ?? null;
  const signOffLine = textOf(lines, 'signOff');
  const article = {
    rubric: textOf(lines, 'rubric'),
    kicker: textOf(lines, 'kicker'),
    headline: textOf(lines, 'headline'),
    teaser,
    byline: bylineNames(textOf(lines, 'byline')),
    dateline,
    publishedAt: date?.iso ?? null,
    body,
    keywords: lines.filter((l) => l.role === 'keywords').map((l) => l.text),
    ...(signOffLine ? { signOff: readSignOffLine(signOffLine) ?? undefined } : {}),
  };
  // The language comes from the text (finishImport), as the page does not name it; a person can change it.
  return {
    ...finishImport(ctx.fileName, article, warnings),
    mapping: lines.map(({ at, to, text, role, fixed }) => ({ line: at, to, text, role, fixed })),
  };
}
