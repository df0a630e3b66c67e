import { formatCredit } from '../../shared/format/credit';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Block, Image } from '../../shared/model/blocks';
import type { Inline } from '../../shared/model/inline';
import { fileOf } from './exportable';
import { escapeAttr, escapeText } from './xml';

function inline(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      if ('type' in n) return `<a href="${escapeAttr(n.url)}">${inline(n.children)}</a>`;
      let html = escapeText(n.text);
      if (n.italic) html = `<em>${html}</em>`;
      if (n.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

/** Credit parts ride along as data attributes, so an import of Byline's own HTML gets them back apart. */
function figure(b: Image, style: HouseStyle, src: string): string {
  const parts = (['provider', 'agency', 'creator', 'text'] as const)
    .filter((k) => b.credit[k])
    .map((k) => ` data-${k}="${escapeAttr(b.credit[k]!)}"`)
    .join('');
  return (
    `<figure><img src="${escapeAttr(src)}" alt="${escapeAttr(b.alt)}"/>` +
    `<figcaption><span class="caption">${escapeText(b.caption)}</span> <small class="credit"${parts}>${escapeText(formatCredit(b.credit, style.credit))}</small></figcaption></figure>`
  );
}

/**
 * The body as semantic XHTML-compatible HTML (also valid as XML): the one body markup of the HTML
 * export and of ninjs bodies. `imageSrc` says where a picture's bytes are found.
 */
export function bodyHtml(blocks: readonly Block[], style: HouseStyle, imageSrc: (assetId: string) => string): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return `<p>${inline(b.children)}</p>`;
        case 'subhead':
          return `<h2>${inline(b.children)}</h2>`;
        case 'quote':
          return `<blockquote><p>${inline(b.children)}</p>${b.attribution ? `<footer>${escapeText(b.attribution)}</footer>` : ''}</blockquote>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          return `<${tag}>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${tag}>`;
        }
        case 'image':
          return figure(b, style, imageSrc(fileOf(b)));
      }
    })
    .join('\n');
}
