import { z } from 'zod';
import { RichTextSchema, plainText } from './inline';

export const CreditSchema = z
  .object({
    provider: z.string().max(200).optional(),
    agency: z.string().max(200).optional(),
    creator: z.string().max(200).optional(),
    /** A credit line written by hand; when set it wins over the parts. */
    text: z.string().max(500).optional(),
  })
  .strict();
export type Credit = z.infer<typeof CreditSchema>;

export const ParagraphSchema = z.object({ type: z.literal('paragraph'), children: RichTextSchema }).strict();
export const SubheadSchema = z.object({ type: z.literal('subhead'), children: RichTextSchema }).strict();
export const QuoteSchema = z
  .object({
    type: z.literal('quote'),
    children: RichTextSchema,
    attribution: z.string().max(500).optional(),
  })
  .strict();
export const ListSchema = z
  .object({
    type: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(RichTextSchema).min(1),
  })
  .strict();
/** Asset ids are the SHA-256 of the original file, so they are 64 lower-case hex digits. */
export const AssetIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'asset ids are SHA-256 hex digests');
export const ImageSchema = z
  .object({
    type: z.literal('image'),
    assetId: AssetIdSchema,
    caption: z.string().max(2000),
    credit: CreditSchema,
    alt: z.string().max(1000),
  })
  .strict();

export const BlockSchema = z.discriminatedUnion('type', [
  ParagraphSchema,
  SubheadSchema,
  QuoteSchema,
  ListSchema,
  ImageSchema,
]);
export type Paragraph = z.infer<typeof ParagraphSchema>;
export type Subhead = z.infer<typeof SubheadSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type List = z.infer<typeof ListSchema>;
export type Image = z.infer<typeof ImageSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type BlockType = Block['type'];

/** The readable text of a block, one line per list item; used for search and counts. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'subhead':
      return plainText(block.children);
    case 'quote':
      return [plainText(block.children), block.attribution ?? ''].filter(Boolean).join('\n');
    case 'list':
      return block.items.map(plainText).join('\n');
    case 'image':
      return [block.caption, block.alt].filter(Boolean).join('\n');
  }
}
