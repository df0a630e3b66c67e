import type { Descendant } from 'slate';
import { selectionToAnchor } from '../editor/comments/anchorRanges';
import { fieldsFromDocument } from '../editor/document';
import { attachedImages } from '../../shared/model/blocks';
import type { BylineEditor } from '../editor/schema';
import { shortenAtWord } from '../../shared/workflow';
import type { CommentTarget } from './CommentsPanel';

const FIELD_TARGETS: CommentTarget[] = [
  { label: 'Headline', anchor: { kind: 'field', field: 'headline' } },
  { label: 'Teaser', anchor: { kind: 'field', field: 'teaser' } },
  { label: 'Rubric', anchor: { kind: 'field', field: 'rubric' } },
  { label: 'Kicker', anchor: { kind: 'field', field: 'kicker' } },
  { label: 'Sign-off', anchor: { kind: 'field', field: 'signOff' } },
  { label: 'Keywords', anchor: { kind: 'field', field: 'keywords' } },
  { label: 'Byline', anchor: { kind: 'field', field: 'byline' } },
  { label: 'Dateline', anchor: { kind: 'field', field: 'dateline' } },
];

/** Where a comment can go now: the selected words (if any), the fields, each image's parts. */
export function commentTargets(editor: BylineEditor | null, doc: readonly Descendant[]): CommentTarget[] {
  const out: CommentTarget[] = [];
  const selected = editor ? selectionToAnchor(doc, editor.selection) : null;
  if (editor && selected?.kind === 'text' && editor.selection) {
    const words = editor.string(editor.selection);
    out.push({ label: `Selected text: “${shortenAtWord(words, 40)}”`, anchor: selected });
  }
  out.push(...FIELD_TARGETS);
  const images = attachedImages(fieldsFromDocument(doc).body).map((b) => b.assetId);
  images.forEach((assetId, i) => {
    const n = images.length > 1 ? ` ${i + 1}` : '';
    out.push(
      { label: `Image${n} credit`, anchor: { kind: 'image', assetId, part: 'credit' } },
      { label: `Image${n} caption`, anchor: { kind: 'image', assetId, part: 'caption' } },
      { label: `Image${n} alt text`, anchor: { kind: 'image', assetId, part: 'alt' } },
    );
  });
  return out;
}
