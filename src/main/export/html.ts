import { formatSignOff } from '../../shared/format/signOff';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Article } from '../../shared/model/article';
import { parseXml } from '../import/safeXml';
import type { Store } from '../store/store';
import { assertExportable } from './exportable';
import { bodyHtml } from './htmlBody';
import { escapeAttr, escapeText } from './xml';

const STYLE = `
body{font:17px/1.55 Georgia,'Times New Roman',serif;color:#111;background:#fff;margin:0}
article{max-width:40rem;margin:2rem auto;padding:0 1rem}
.rubric,.kicker{font:600 .85rem/1.3 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em;color:#555;margin:0}
.kicker{color:#8a1c1c}
h1{font-size:2rem;line-height:1.2;margin:.3rem 0 .6rem}
.meta{font:.85rem system-ui,sans-serif;color:#555}
.teaser{font-weight:bold}
h2{font-size:1.25rem;margin:1.6rem 0 .4rem}
figure{margin:1.2rem 0}
figure img{max-width:100%;height:auto;display:block}
figcaption{font:.85rem/1.4 system-ui,sans-serif;color:#333;margin-top:.3rem}
.credit{color:#666}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc}
blockquote footer{font-size:.9rem;color:#555}
.sign-off{font-style:italic;color:#444}
.keywords{font:.8rem system-ui,sans-serif;color:#666}
@media print{article{margin:0;max-width:none}a{color:inherit}}
`;

/** Pictures go inside the file as data: URLs, so it opens anywhere without the store beside it. */
export function embeddedImageSrc(store: Store): (assetId: string) => string {
  return (assetId) => {
    const info = store.assets.find(assetId);
    const bytes = store.assets.read(assetId);
    return `data:${info?.mime ?? 'application/octet-stream'};base64,${Buffer.from(bytes).toString('base64')}`;
  };
}

/** A long date in the article's language: "10. November 2017". */
function displayDate(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

/**
 * One self-contained HTML file: semantic article markup, pictures embedded, no scripts (its own
 * CSP says so). It is written as polyglot markup and checked to parse as XML before it is returned.
 */
export function exportHtml(article: Article, style: HouseStyle, imageSrc: (assetId: string) => string): string {
  assertExportable(article);
  const signOff = formatSignOff(article.signOff, style.signOff);
  const meta = [
    article.byline && `<span class="byline">${escapeText(article.byline)}</span>`,
    article.publishedAt &&
      `<time datetime="${escapeAttr(article.publishedAt)}">${escapeText(displayDate(article.publishedAt, article.language))}</time>`,
    article.dateline && `<span class="dateline">${escapeText(article.dateline)}</span>`,
  ].filter(Boolean);
  const html = `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="${escapeAttr(article.language)}" xml:lang="${escapeAttr(article.language)}" dir="auto">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${escapeText(article.headline)}</title>
${article.teaser ? `<meta name="description" content="${escapeAttr(article.teaser)}"/>\n` : ''}${article.keywords.length ? `<meta name="keywords" content="${escapeAttr(article.keywords.join(', '))}"/>\n` : ''}${article.slug ? `<meta name="byline:slug" content="${escapeAttr(article.slug)}"/>\n` : ''}<meta name="generator" content="Byline"/>
<style>${STYLE}</style>
</head>
<body>
<article>
<header>
${article.rubric ? `<p class="rubric">${escapeText(article.rubric)}</p>\n` : ''}${article.kicker ? `<p class="kicker">${escapeText(article.kicker)}</p>\n` : ''}<h1>${escapeText(article.headline)}</h1>
${meta.length ? `<p class="meta">${meta.join(' · ')}</p>\n` : ''}${article.teaser ? `<p class="teaser">${escapeText(article.teaser)}</p>\n` : ''}</header>
${bodyHtml(article.body, style, imageSrc)}
${signOff || article.keywords.length ? `<footer>\n${signOff ? `<p class="sign-off">${escapeText(signOff)}</p>\n` : ''}${article.keywords.length ? `<p class="keywords">${article.keywords.map((k) => `<span>${escapeText(k)}</span>`).join(', ')}</p>\n` : ''}</footer>\n` : ''}</article>
</body>
</html>
`;
  // Well-formed as XML too: an unbalanced tag from any field would show here, not at the reader's.
  parseXml('HTML export', html.replace(/^<!DOCTYPE html>/, ''));
  return html;
}
