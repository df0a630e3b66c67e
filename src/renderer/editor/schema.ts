import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { Credit } from '../../shared/model/blocks';

/**
 * The body as Slate sees it. It mirrors the article model's blocks one to one (see convert.ts), so
 * whatever the store holds survives being opened and saved in the editor.
 */
export interface FormattedText {
  text: string;
  bold?: true;
  italic?: true;
}
export interface LinkElement {
  type: 'link';
  url: string;
  children: FormattedText[];
}
export type InlineNode = FormattedText | LinkElement;

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
  assetId: string;
  caption: string;
  credit: Credit;
  alt: string;
  children: [{ text: '' }];
}

export type BlockElement = ParagraphElement | SubheadElement | QuoteElement | ListElement | ImageElement;
export type BylineElement = BlockElement | ListItemElement | LinkElement;
export type BylineEditor = BaseEditor & ReactEditor & HistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: BylineEditor;
    Element: BylineElement;
    Text: FormattedText;
  }
}
