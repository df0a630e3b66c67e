import type { MissingTarget } from '../../shared/workflow';
import { fieldEnd, focusText } from './caret';
import type { BylineEditor } from './schema';

function focusControl(el: HTMLElement | null | undefined): boolean {
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.focus();
  return true;
}

/**
 * "Go there" from a refusal: the field or the picture's box that needs the fix gets the keyboard,
 * scrolled into view. Controls outside the text carry `data-go` with the target's name.
 */
export function goToMissing(editor: BylineEditor | null, target: MissingTarget): boolean {
  if (target.kind === 'field' && (target.field === 'headline' || target.field === 'teaser')) {
    if (!editor) return false;
    focusText(editor, fieldEnd(editor, target.field));
    return true;
  }
  if (target.kind === 'field') return focusControl(document.querySelector<HTMLElement>(`[data-go="${target.field}"]`));
  const picture = document.querySelectorAll<HTMLElement>('.block-image')[target.nth];
  return focusControl(picture?.querySelector<HTMLElement>(`[data-go="${target.part}"]`));
}
