import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { Credit } from '../../shared/model/blocks';

/**
 * The whole article as one Slate document, so one history covers every edit and the article reads
 * as one screen:
 *
 *   rubric · kicker · headline · teaser · body (the model's blocks) · sign-off
 *
 * The body mirrors the article model's blocks one to one (see convert.ts), so whatever the store
 * holds survives being opened and saved. Normalizers (normalizers/) keep this shape.
 */
export interface FormattedText {
  text: string;
  bold?: true;
  italic?: true;
  /** A decoration, never stored: the text is commented on. */
  comment?: true;
}
export interface LinkElement {
  type: 'link';
  url: string;
  children: FormattedText[];
}
export type InlineNode = FormattedText | LinkElement;

/** One-line (or one-paragraph) text fields above the body; plain text only. */
export const FIELD_TYPES = ['rubric', 'kicker', 'headline', 'teaser'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export interface FieldElement {
  type: FieldType;
  children: FormattedText[];
}

export interface ParagraphElement {
  type: 'paragraph';
  children: InlineNode[];
}
export interface SubheadElement {
  type: 'subhead';
  children: InlineNode[];
}
export interface QuoteElement {
  type: 'quote';
  attribution?: string;
  children: InlineNode[];
}
export interface ListItemElement {
  type: 'list-item';
  children: InlineNode[];
}
export interface ListElement {
  type: 'list';
  ordered: boolean;
  children: ListItemElement[];
}
export interface ImageElement {
  type: 'image';
  /** null: the file is missing (the source named the picture without it); see ImageSchema. */
  assetId: string | null;
  caption: string;
  credit: Credit;
  alt: string;
  source?: string;
  children: [{ text: '' }];
}
export type BlockElement = ParagraphElement | SubheadElement | QuoteElement | ListElement | ImageElement;
export const BLOCK_TYPES = ['paragraph', 'subhead', 'quote', 'list', 'image'] as const;

export interface BodyElement {
  type: 'body';
  children: BlockElement[];
}
export interface SignOffElement {
  type: 'signoff';
  authors: string[];
  agencies: string[];
  children: [{ text: '' }];
}

export type SectionElement = FieldElement | BodyElement | SignOffElement;
export type BylineElement = SectionElement | BlockElement | ListItemElement | LinkElement;
export type BylineEditor = BaseEditor & ReactEditor & HistoryEditor;

/** The document's top level, in order. */
export const LAYOUT = [...FIELD_TYPES, 'body', 'signoff'] as const;
export type SectionType = (typeof LAYOUT)[number];
export const BODY_INDEX = LAYOUT.indexOf('body');
export const SIGNOFF_INDEX = LAYOUT.indexOf('signoff');

export function isFieldType(type: string): type is FieldType {
  return (FIELD_TYPES as readonly string[]).includes(type);
}
export function isBlockType(type: string): type is BlockElement['type'] {
  return (BLOCK_TYPES as readonly string[]).includes(type);
}

declare module 'slate' {
  interface CustomTypes {
    Editor: BylineEditor;
    Element: BylineElement;
    Text: FormattedText;
  }
}
