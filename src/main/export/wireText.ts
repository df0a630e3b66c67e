import { formatCredit } from '../../shared/format/credit';
import { formatSignOff } from '../../shared/format/signOff';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Article } from '../../shared/model/article';
import type { Block } from '../../shared/model/blocks';
import { plainText } from '../../shared/model/inline';
import { assertExportable } from './exportable';

/** The date as a reader of that language writes it: `10. November 2017`, `10 November 2017`. */
export function wireDate(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

/** Quotation marks as the article's language prints them. */
function quoted(text: string, language: string): string {
  if (/^["„»«“‘']/.test(text)) return text;
  const lang = language.slice(0, 2);
  const [open, close] = lang === 'de' ? ['„', '“'] : lang === 'fr' ? ['« ', ' »'] : ['“', '”'];
  return `${open}${text}${close}`;
}

function block(b: Block, style: HouseStyle, language: string): string {
  switch (b.type) {
    case 'paragraph':
    case 'subhead':
      return plainText(b.children);
    case 'quote':
      return `${quoted(plainText(b.children), language)}${b.attribution ? ` (${b.attribution})` : ''}`;
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${plainText(item)}`).join('\n');
    case 'image':
      return [b.caption, formatCredit(b.credit, style.credit)].filter(Boolean).join('\n');
  }
}

/**
 * Plain text in the layout of a news page and of agency copy, as the seed article shows it:
 * rubric, headline, date, teaser, each picture as its caption with the credit line under it,
 * paragraphs and subheads each on their own, and the sign-off last; blank lines between.
 */
export function exportWireText(article: Article, style: HouseStyle): string {
  assertExportable(article);
  // Agency style: the dateline opens the first paragraph ("Berlin (dpa) - ...").
  const first = article.body.findIndex((b) => b.type === 'paragraph');
  const dateline = article.dateline && first >= 0 ? `${article.dateline} - ` : '';
  const parts = [
    article.rubric,
    article.kicker,
    article.headline,
    article.publishedAt ? wireDate(article.publishedAt, article.language) : '',
    article.byline,
    article.teaser,
    first < 0 ? article.dateline : '',
    ...article.body.map((b, i) => (i === first ? dateline : '') + block(b, style, article.language)),
    formatSignOff(article.signOff, style.signOff),
  ];
  return `${parts.filter((p) => p.trim()).join('\n\n')}\n`;
}
