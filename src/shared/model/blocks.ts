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
    /**
     * The stored picture; null while its file is missing: the source named a picture (caption,
     * credit) without its file. Approval and every export refuse such a picture until a file is
     * attached, and nothing named in the source is dropped meanwhile.
     */
    assetId: AssetIdSchema.nullable(),
    caption: z.string().max(2000),
    credit: CreditSchema,
    alt: z.string().max(1000),
    /** For a missing file: the name or address the source gave it, to find the file by. */
    source: z.string().max(2000).optional(),
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
/** A picture whose file is in the store: what exports, write-back and packages work with. */
export type AttachedImage = Image & { assetId: string };

export const isAttached = (image: Image): image is AttachedImage => image.assetId !== null;

/** The pictures of a body that have their file. */
export function attachedImages(body: readonly Block[]): AttachedImage[] {
  return body.filter((b): b is AttachedImage => b.type === 'image' && isAttached(b));
}
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
