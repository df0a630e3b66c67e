import DOMPurify from 'dompurify';
import { Editor, Range, Transforms, type Descendant } from 'slate';
import { bodyToSlate } from '../convert';
import { htmlToBlocks, textToBlocks, type PastedImage } from '../../../shared/html/htmlToBlocks';
import { looksLikePicture } from '../paste/insertPictureFiles';
import { sanitizeClipboardHtml } from '../paste/sanitize';
import { BODY_INDEX, SIGNOFF_INDEX, type BylineEditor } from '../schema';

export interface PasteHooks {
  /** Pictures found in pasted HTML, after the text is in; `startBlock` is the body block the paste began in. */
  onImages(images: PastedImage[], startBlock: number): void;
  /** Picture files pasted or dropped; they go after body block `afterBlock` (-1: before the first). */
  onPictureFiles(files: File[], afterBlock: number): void;
}

/**
 * Paste keeps the article's structure: header fields take one line of plain text; the body takes
 * clipboard HTML sanitized in a detached document and mapped to Byline's blocks, or plain text
 * split into paragraphs. Copying within Byline keeps Slate's own fragment.
 */
export function withPaste(editor: BylineEditor, hooks: PasteHooks): BylineEditor {
  const { insertData } = editor;

  editor.insertData = (data) => {
    const { selection } = editor;
    if (!selection) return;
    const section = Range.start(selection).path[0];
    // Picture files (a drop lands here too, with the selection at the drop point) go into the body:
    // after the block they were dropped on, or at its end when they were dropped on a field above it.
    const pictures = Array.from(data.files ?? []).filter(looksLikePicture);
    if (pictures.length) {
      const afterBlock = section === BODY_INDEX ? (Range.end(selection).path[1] ?? 0) : Number.MAX_SAFE_INTEGER;
      hooks.onPictureFiles(pictures, afterBlock);
      return;
    }
    if (section === SIGNOFF_INDEX) return;
    if (section !== BODY_INDEX || Range.end(selection).path[0] !== BODY_INDEX) {
      const text = plainTextOf(data).replace(/\s+/g, ' ').trim();
      if (text) Editor.insertText(editor, text);
      return;
    }
    if (data.types.includes('application/x-slate-fragment')) {
      insertData(data);
      return;
    }
    const html = data.getData('text/html');
    if (html) {
      const { blocks, images } = htmlToBlocks(sanitizeClipboardHtml(DOMPurify, html));
      const startBlock = Range.start(selection).path[1] ?? 0;
      if (blocks.length) Transforms.insertFragment(editor, bodyToSlate(blocks) as Descendant[]);
      if (images.length) hooks.onImages(images, startBlock);
      if (blocks.length || images.length) return;
    }
    const blocks = textToBlocks(data.getData('text/plain'));
    if (blocks.length) Transforms.insertFragment(editor, bodyToSlate(blocks) as Descendant[]);
  };

  return editor;
}

function plainTextOf(data: DataTransfer): string {
  const text = data.getData('text/plain');
  if (text) return text;
  const html = data.getData('text/html');
  if (!html) return '';
  const fragment = sanitizeClipboardHtml(DOMPurify, html);
  return fragment.textContent ?? '';
}
