import crypto from 'node:crypto';
import { hasCredit, splitCaptionCredit, stripCreditPrefix } from '../../shared/format/credit';
import { htmlToBlocks } from '../../shared/html/htmlToBlocks';
import type { Block, Credit } from '../../shared/model/blocks';
import { MAX_ASSET_BYTES, sniffImageType } from '../store/assets';
import { creditOfLine } from './finish';
import type { ImportContext, PendingAsset } from './types';

interface FigureMeta {
  src: string;
  caption: string;
  credit: Credit;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A figure's caption and credit: Byline's own markup keeps the credit's parts; others print one line. */
function readFigure(fig: Element): FigureMeta {
  const img = fig.querySelector('img');
  const credit = fig.querySelector('.credit');
  const parts: Credit = {};
  for (const k of ['provider', 'agency', 'creator', 'text'] as const) {
    const v = credit?.getAttribute(`data-${k}`);
    if (v) parts[k] = v;
  }
  const captionEl = fig.querySelector('.caption');
  if (captionEl || credit) {
    const line = text(credit);
    return {
      src: img?.getAttribute('src') ?? '',
      caption: text(captionEl ?? fig.querySelector('figcaption')),
      credit: Object.keys(parts).length ? parts : line ? { text: stripCreditPrefix(line) ?? line } : {},
    };
  }
  const split = splitCaptionCredit(text(fig.querySelector('figcaption')));
  return {
    src: img?.getAttribute('src') ?? '',
    caption: split.caption,
    credit: split.credit ? { text: split.credit } : {},
  };
}

/** A credit printed as one line, read into the house style's parts (a line that does not fit stays whole). */
const creditParts = (credit: Credit, ctx: ImportContext): Credit =>
  credit.text && Object.keys(credit).length === 1 ? creditOfLine(credit.text, ctx) : credit;

/** A picture's bytes from a data: URL, if they really are an image Byline keeps. */
function dataUrlImage(src: string): { bytes: Buffer; mime: string } | null {
  const m = /^data:(image\/[\w.+-]+);base64,([A-Za-z0-9+/=\s]+)$/.exec(src);
  if (!m) return null;
  const bytes = Buffer.from(m[2]!, 'base64');
  const mime = sniffImageType(bytes);
  return mime && bytes.byteLength <= MAX_ASSET_BYTES ? { bytes, mime } : null;
}

/**
 * An HTML body as blocks, pictures included: a picture already in the store or embedded in the
 * file becomes an image block where it stood; one that lives elsewhere is named in a warning.
 */
export function htmlBodyBlocks(root: Element, ctx: ImportContext, warnings: string[], assets: PendingAsset[]): Block[] {
  const figures: FigureMeta[] = [];
  for (const fig of Array.from(root.querySelectorAll('figure'))) {
    if (!fig.querySelector('img')) continue;
    figures.push(readFigure(fig));
    const marker = fig.ownerDocument.createElement('img');
    marker.setAttribute('src', `byline-figure:${figures.length - 1}`);
    marker.setAttribute('alt', fig.querySelector('img')?.getAttribute('alt') ?? '');
    fig.replaceWith(marker);
  }
  const { blocks, images } = htmlToBlocks(root, { joinSpacedRuns: false });
  const placed: { position: number; block: Block }[] = [];
  for (const img of images) {
    const figure = /^byline-figure:(\d+)$/.exec(img.src);
    const meta = figure ? figures[Number(figure[1])]! : { src: img.src, caption: '', credit: {} };
    const name = meta.caption.slice(0, 60) || meta.src.slice(0, 60);
    let assetId = /^byline-asset:([0-9a-f]{64})$/.exec(meta.src)?.[1];
    if (assetId && !ctx.hasAsset(assetId)) assetId = undefined;
    const embedded = assetId ? null : dataUrlImage(meta.src);
    if (embedded) {
      assetId = crypto.createHash('sha256').update(embedded.bytes).digest('hex');
      assets.push({ id: assetId, bytes: embedded.bytes, name: `imported.${embedded.mime.split('/')[1]}` });
    }
    if (!assetId) {
      // A figure with a caption or credit is part of the article: kept, waiting for its file. A
      // bare image elsewhere on a page (a logo, an icon) is only named.
      if (figure && (meta.caption || hasCredit(meta.credit))) {
        placed.push({
          position: img.position,
          block: {
            type: 'image',
            assetId: null,
            caption: meta.caption,
            credit: creditParts(meta.credit, ctx),
            alt: img.alt,
            ...(meta.src && !meta.src.startsWith('data:') ? { source: meta.src.slice(0, 2000) } : {}),
          },
        });
        warnings.push(`The picture "${name}" came without its file: attach the file to it in the article.`);
      } else
        warnings.push(
          `The picture "${name}" was left out: its file is not part of the import.${meta.caption ? ` Caption: ${meta.caption}` : ''}`,
        );
      continue;
    }
    placed.push({
      position: img.position,
      block: { type: 'image', assetId, caption: meta.caption, credit: meta.credit, alt: img.alt },
    });
  }
  // Insert from the back so earlier positions stay right.
  for (const { position, block } of placed.reverse()) blocks.splice(position, 0, block);
  return blocks;
}
