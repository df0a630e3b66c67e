import { z } from 'zod';

/** Only these protocols may appear in a link; anything else (javascript:, data:, file:) is refused. */
export const ALLOWED_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

export function isAllowedLinkUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol);
  } catch {
    return false;
  }
}

export const TextLeafSchema = z
  .object({
    text: z.string(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
  })
  .strict();
export type TextLeaf = z.infer<typeof TextLeafSchema>;

export const LinkSchema = z
  .object({
    type: z.literal('link'),
    url: z.string().max(2048).refine(isAllowedLinkUrl, {
      message: 'links may only use http, https or mailto',
    }),
    children: z.array(TextLeafSchema).min(1),
  })
  .strict();
export type Link = z.infer<typeof LinkSchema>;

export const InlineSchema = z.union([TextLeafSchema, LinkSchema]);
export type Inline = z.infer<typeof InlineSchema>;

/** Rich text as stored: never empty, so an editor always has a leaf to put the caret in. */
export const RichTextSchema = z.array(InlineSchema).min(1);
export type RichText = z.infer<typeof RichTextSchema>;

export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((n) => ('type' in n ? plainText(n.children) : n.text)).join('');
}

export function textOf(value: string): RichText {
  return [{ text: value }];
}
