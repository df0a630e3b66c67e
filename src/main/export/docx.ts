import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import mammoth from 'mammoth';
import { BylineError } from '../../shared/errors';
import { formatCredit } from '../../shared/format/credit';
import { formatSignOff } from '../../shared/format/signOff';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Article } from '../../shared/model/article';
import type { Block, Image } from '../../shared/model/blocks';
import type { Inline } from '../../shared/model/inline';
import { imageSize } from '../media/imageSize';
import type { CreditedCopy } from '../media/writeBack';
import type { Store } from '../store/store';
import { assertExportable, fileOf } from './exportable';
import { wireDate } from './wireText';

/** Paragraph styles named after the article's parts, so Word shows them and an import finds them again. */
export const DOCX_STYLES = {
  rubric: 'Rubric',
  kicker: 'Kicker',
  date: 'Date',
  byline: 'Byline',
  dateline: 'Dateline',
  teaser: 'Teaser',
  caption: 'Caption',
  credit: 'Credit',
  signOff: 'SignOff',
  keywords: 'Keywords',
} as const;

const runs = (nodes: readonly Inline[]): ParagraphChild[] =>
  nodes.map((n) =>
    'type' in n
      ? new ExternalHyperlink({
          link: n.url,
          children: n.children.map(
            (c) => new TextRun({ text: c.text, bold: c.bold, italics: c.italic, style: 'Hyperlink' }),
          ),
        })
      : new TextRun({ text: n.text, bold: n.bold, italics: n.italic }),
  );

const styled = (style: string, text: string) => new Paragraph({ style, children: [new TextRun(text)] });

const DOCX_IMAGE_TYPES: Record<string, 'png' | 'jpg' | 'gif'> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
};
const MAX_WIDTH_PX = 600;

function picture(b: Image, style: HouseStyle, store: Store, copies: ReadonlyMap<string, CreditedCopy>): Paragraph[] {
  const id = fileOf(b);
  const info = store.assets.find(id);
  const type = info && DOCX_IMAGE_TYPES[info.mime];
  // The credited copy where there is one, so the picture inside the document carries its credit.
  const bytes = type ? (copies.get(id)?.bytes ?? store.assets.read(id)) : undefined;
  const size = bytes && imageSize(bytes);
  const out: Paragraph[] = [];
  if (type && bytes && size) {
    const scale = Math.min(1, MAX_WIDTH_PX / size.width);
    out.push(
      new Paragraph({
        children: [
          new ImageRun({
            type,
            data: bytes,
            transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
            altText: { name: b.caption || 'picture', description: b.alt, title: b.alt },
          }),
        ],
      }),
    );
  } else {
    // Word takes PNG, JPEG and GIF; other pictures are named so the layout desk knows one belongs here.
    out.push(styled(DOCX_STYLES.caption, `[Picture not embedded (${info?.mime ?? 'file missing'}): ${b.alt}]`));
  }
  if (b.caption) out.push(styled(DOCX_STYLES.caption, b.caption));
  out.push(styled(DOCX_STYLES.credit, formatCredit(b.credit, style.credit)));
  return out;
}

function block(
  b: Block,
  style: HouseStyle,
  store: Store,
  listId: () => string,
  copies: ReadonlyMap<string, CreditedCopy>,
): Paragraph[] {
  switch (b.type) {
    case 'paragraph':
      return [new Paragraph({ children: runs(b.children) })];
    case 'subhead':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(b.children) })];
    case 'quote':
      return [
        new Paragraph({ style: 'Quote', children: runs(b.children) }),
        ...(b.attribution
          ? [
              new Paragraph({
                style: 'Quote',
                alignment: AlignmentType.RIGHT,
                children: [new TextRun(`— ${b.attribution}`)],
              }),
            ]
          : []),
      ];
    case 'list': {
      const reference = b.ordered ? 'numbered' : 'bullets';
      const instance = listId();
      return b.items.map(
        (item) =>
          new Paragraph({ numbering: { reference, level: 0, instance: Number(instance) }, children: runs(item) }),
      );
    }
    case 'image':
      return picture(b, style, store, copies);
  }
}

/**
 * A Word document for desks that edit in Word: the article's parts in named paragraph styles,
 * pictures embedded with caption and credit. There is no official schema for this target in
 * resources/, so the file is checked by reading it back (mammoth) before it is returned.
 */
export async function exportDocx(
  article: Article,
  store: Store,
  copies: ReadonlyMap<string, CreditedCopy> = new Map(),
): Promise<Uint8Array> {
  assertExportable(article);
  const style = store.houseStyle;
  let lists = 0;
  const head = [
    article.rubric && styled(DOCX_STYLES.rubric, article.rubric),
    article.kicker && styled(DOCX_STYLES.kicker, article.kicker),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(article.headline)] }),
    article.publishedAt && styled(DOCX_STYLES.date, wireDate(article.publishedAt, article.language)),
    article.byline && styled(DOCX_STYLES.byline, article.byline),
    article.dateline && styled(DOCX_STYLES.dateline, article.dateline),
    article.teaser && styled(DOCX_STYLES.teaser, article.teaser),
  ].filter((p): p is Paragraph => Boolean(p));
  const signOff = formatSignOff(article.signOff, style.signOff);
  const doc = new Document({
    creator: 'Byline',
    title: article.headline,
    description: article.teaser,
    keywords: article.keywords.join(', '),
    styles: {
      paragraphStyles: [
        {
          id: DOCX_STYLES.rubric,
          name: DOCX_STYLES.rubric,
          basedOn: 'Normal',
          run: { allCaps: true, size: 18, color: '555555' },
        },
        { id: DOCX_STYLES.kicker, name: DOCX_STYLES.kicker, basedOn: 'Normal', run: { bold: true, color: '8A1C1C' } },
        { id: DOCX_STYLES.date, name: DOCX_STYLES.date, basedOn: 'Normal', run: { size: 18, color: '555555' } },
        { id: DOCX_STYLES.byline, name: DOCX_STYLES.byline, basedOn: 'Normal', run: { italics: true } },
        { id: DOCX_STYLES.dateline, name: DOCX_STYLES.dateline, basedOn: 'Normal', run: { smallCaps: true } },
        { id: DOCX_STYLES.teaser, name: DOCX_STYLES.teaser, basedOn: 'Normal', run: { bold: true } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true }, paragraph: { indent: { left: 720 } } },
        { id: DOCX_STYLES.credit, name: DOCX_STYLES.credit, basedOn: 'Normal', run: { size: 16, color: '666666' } },
        { id: DOCX_STYLES.signOff, name: DOCX_STYLES.signOff, basedOn: 'Normal', run: { italics: true } },
        { id: DOCX_STYLES.keywords, name: DOCX_STYLES.keywords, basedOn: 'Normal', run: { size: 16, color: '666666' } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }],
        },
        {
          reference: 'numbered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        children: [
          ...head,
          ...article.body.flatMap((b) => block(b, style, store, () => String(++lists), copies)),
          ...(signOff ? [styled(DOCX_STYLES.signOff, signOff)] : []),
          ...(article.keywords.length ? [styled(DOCX_STYLES.keywords, article.keywords.join(', '))] : []),
        ],
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  const check = await mammoth.extractRawText({ buffer: bytes }).catch((error: Error) => ({ value: '', error }));
  if (!check.value.includes(article.headline.trim().slice(0, 40))) {
    throw new BylineError('internal', 'The Word export could not be read back, so it was not written.');
  }
  return bytes;
}
