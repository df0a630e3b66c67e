import { formatSignOff } from '../../shared/format/signOff';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Article } from '../../shared/model/article';
import type { Block } from '../../shared/model/blocks';
import type { Inline } from '../../shared/model/inline';
import { assertExportable } from './exportable';
import { bodyHtml } from './htmlBody';
import { assetUri } from './assetUri';
import { escapeText } from './xml';

/** Characters that would start markup inside a line. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/** And those that would start a block at the beginning of one. */
function escapeBlockStart(text: string): string {
  return text.replace(
    /^(\s*)([#>+=-]|\d+[.)])/,
    (_, space: string, marker: string) =>
      `${space}${marker.replace(/^(\d+)([.)])$/, '$1\\$2').replace(/^([#>+=-])$/, '\\$1')}`,
  );
}

const edgesAreWords = (text: string) => /^[\p{L}\p{N}]/u.test(text) && /[\p{L}\p{N}]$/u.test(text);

function inline(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      if ('type' in n) return `[${inline(n.children)}](<${n.url.replace(/[<>\\]/g, '\\$&')}>)`;
      const text = escapeInline(n.text);
      if (!n.bold && !n.italic) return text;
      // Asterisks only open and close next to letters reliably; elsewhere HTML tags say the same safely.
      if (edgesAreWords(n.text))
        return `${n.bold ? '**' : ''}${n.italic ? '*' : ''}${text}${n.italic ? '*' : ''}${n.bold ? '**' : ''}`;
      return `${n.bold ? '<strong>' : ''}${n.italic ? '<em>' : ''}${text}${n.italic ? '</em>' : ''}${n.bold ? '</strong>' : ''}`;
    })
    .join('');
}

function block(b: Block, style: HouseStyle): string {
  switch (b.type) {
    case 'paragraph':
      return escapeBlockStart(inline(b.children));
    case 'subhead':
      return `## ${inline(b.children)}`;
    case 'quote':
      return `> ${escapeBlockStart(inline(b.children))}${b.attribution ? `\n>\n> <footer>${escapeText(b.attribution)}</footer>` : ''}`;
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${escapeBlockStart(inline(item))}`).join('\n');
    case 'image':
      // Markdown has no caption or credit; the HTML figure it allows keeps both (and the credit's parts).
      return bodyHtml([b], style, assetUri);
  }
}

/** Metadata as front matter; each value is JSON, which is also valid YAML. */
function frontMatter(article: Article, style: HouseStyle): string {
  const fields: [string, unknown][] = [
    ['language', article.language],
    ['slug', article.slug],
    ['rubric', article.rubric],
    ['kicker', article.kicker],
    ['teaser', article.teaser],
    ['byline', article.byline],
    ['dateline', article.dateline],
    ['date', article.publishedAt],
    ['keywords', article.keywords.length ? article.keywords : null],
    ['signoff', formatSignOff(article.signOff, style.signOff)],
  ];
  return ['---', ...fields.filter(([, v]) => v).map(([k, v]) => `${k}: ${JSON.stringify(v)}`), '---'].join('\n');
}

/** Markdown (CommonMark) with front matter; pictures as HTML figures pointing at Byline's assets. */
export function exportMarkdown(article: Article, style: HouseStyle): string {
  assertExportable(article);
  const blocks: string[] = [];
  article.body.forEach((b, i) => {
    // Two lists in a row would read as one; an empty comment keeps them apart.
    if (b.type === 'list' && article.body[i - 1]?.type === 'list') blocks.push('<!-- -->');
    blocks.push(block(b, style));
  });
  return `${frontMatter(article, style)}\n\n# ${escapeInline(article.headline)}\n\n${blocks.join('\n\n')}\n`;
}
