import type { JSX, KeyboardEvent, SyntheticEvent } from 'react';
import { Node, Path, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { ReactEditor, useSlateStatic, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import { countCharacters } from '../../../shared/format/counts';
import type { HouseStyle } from '../../../shared/houseStyle';
import type { BylineElement, FieldType } from '../schema';
import { ImageFields } from './ImageFields';
import { SignOffChips } from './SignOffChips';

export const FIELD_LABELS: Record<FieldType, string> = {
  rubric: 'Rubric',
  kicker: 'Kicker',
  headline: 'Headline',
  teaser: 'Teaser',
};

/**
 * Clicks, presses and focus moves inside a void's own controls (the sign-off box, a picture's
 * fields) belong to those controls. Left to bubble, Slate selects the void or handles the blur of
 * one box as its own and puts the DOM selection back into the document: the keyboard leaves the
 * box the person just clicked, and the next keys are lost.
 */
const stop = (e: SyntheticEvent) => e.stopPropagation();
const keepInControls = { onMouseDown: stop, onClick: stop, onFocus: stop, onBlur: stop };

/**
 * Undo and redo typed in a void's boxes are the article's (one history for the whole document),
 * not the browser's own per-box undo, which a controlled input loses at every render.
 */
function useArticleUndoKeys() {
  const editor = useSlateStatic();
  return (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    // A box whose text is not yet the article's (the sign-off's entry line) keeps its own undo.
    const box = e.target as HTMLInputElement;
    if (box.dataset.localUndo !== undefined && box.value) return;
    const key = e.key.toLowerCase();
    const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
    if (key !== 'z' && !redo) return;
    e.preventDefault();
    if (redo) editor.redo();
    else editor.undo();
  };
}

/**
 * Writes a void element's own fields through Slate, so they are part of undo and autosave. Typing
 * in one of those boxes undoes a word at a time, as in the body: a change to the same box that
 * only adds or removes letters joins the undo step before it; a space or another box starts one.
 */
function usePatch(element: BylineElement) {
  const editor = useSlateStatic();
  return (patch: Partial<BylineElement>) => {
    const path = ReactEditor.findPath(editor, element);
    const last = editor.history.undos.at(-1)?.operations.at(-1);
    const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));
    const keys = Object.keys(patch) as (keyof typeof patch)[];
    const sameBox =
      last?.type === 'set_node' &&
      Path.equals(last.path, path) &&
      keys.length === 1 &&
      Object.keys(last.newProperties).join() === keys.join();
    const before = sameBox ? text((last.newProperties as Record<string, unknown>)[keys[0]!]) : '';
    const after = text(patch[keys[0]!]);
    const wordGoesOn = sameBox && !/\s$/.test(after) && Math.abs(after.length - before.length) <= 1;
    const apply = () => Transforms.setNodes<Node>(editor, patch as Partial<Node>, { at: path });
    if (wordGoesOn) HistoryEditor.withMerging(editor, apply);
    else HistoryEditor.withNewBatch(editor, apply);
  };
}

/** A header field with its length beside the label; over the house limit, the field itself says so. */
function Field({
  attributes,
  children,
  element,
  label,
  empty,
  limit,
}: RenderElementProps & { label: string; empty: boolean; limit: number }) {
  const length = countCharacters(Node.string(element));
  const over = length > limit;
  return (
    <div {...attributes} className={`field field-${element.type}${over ? ' over' : ''}`} data-field={element.type}>
      <span contentEditable={false} className="field-label">
        <span aria-hidden="true">{label}</span>{' '}
        <span
          className="field-meter"
          data-testid={`meter-${element.type}`}
          title={
            over ? `${length - limit} characters over the house limit of ${limit}` : `house limit ${limit} characters`
          }
        >
          {length}/{limit}
          {over ? ' — too long' : ''}
        </span>
      </span>
      <div
        className="field-text"
        dir="auto"
        data-placeholder={empty ? label : undefined}
        role="textbox"
        aria-label={label}
        aria-multiline={element.type === 'teaser'}
        aria-invalid={over || undefined}
      >
        {children}
      </div>
    </div>
  );
}

function SignOff({ attributes, children, element, style }: RenderElementProps & { style: HouseStyle }) {
  const patch = usePatch(element);
  const undoKeys = useArticleUndoKeys();
  if (element.type !== 'signoff') return null;
  return (
    <div {...attributes} className="field field-signoff" data-field="signoff">
      <div contentEditable={false} {...keepInControls} onKeyDownCapture={undoKeys}>
        <span className="field-label" id="signoff-label">
          Sign-off
        </span>
        <SignOffChips
          value={{ authors: element.authors, agencies: element.agencies }}
          style={style.signOff}
          onChange={(v) => patch(v)}
        />
      </div>
      {children}
    </div>
  );
}

function ImageBlock({ attributes, children, element, style }: RenderElementProps & { style: HouseStyle }) {
  const patch = usePatch(element);
  const undoKeys = useArticleUndoKeys();
  if (element.type !== 'image') return null;
  return (
    <figure {...attributes} className="block-image">
      <div contentEditable={false} {...keepInControls} onKeyDownCapture={undoKeys}>
        <ImageFields element={element} style={style.credit} onChange={(p) => patch(p)} />
      </div>
      {children}
    </figure>
  );
}

function Quote({ attributes, children, element }: RenderElementProps) {
  const patch = usePatch(element);
  const undoKeys = useArticleUndoKeys();
  if (element.type !== 'quote') return null;
  return (
    <blockquote {...attributes} dir="auto" className="block-quote">
      <div>{children}</div>
      <label contentEditable={false} className="attribution" {...keepInControls} onKeyDownCapture={undoKeys}>
        <span>Attribution</span>
        <input
          dir="auto"
          value={element.attribution ?? ''}
          placeholder="who said it"
          onKeyDown={(e) => e.stopPropagation()}
          onChange={(e) => patch({ attribution: e.target.value || undefined })}
        />
      </label>
    </blockquote>
  );
}

export function makeRenderElement(style: HouseStyle) {
  return function renderElement(props: RenderElementProps): JSX.Element {
    const { attributes, children, element } = props;
    switch (element.type) {
      case 'rubric':
      case 'kicker':
      case 'headline':
      case 'teaser': {
        const empty = element.children.every((c) => c.text === '');
        return <Field {...props} label={FIELD_LABELS[element.type]} empty={empty} limit={style.limits[element.type]} />;
      }
      case 'body':
        return (
          <section {...attributes} className="field field-body" aria-label="Body">
            <span contentEditable={false} className="field-label" aria-hidden="true">
              Body
            </span>
            {children}
          </section>
        );
      case 'signoff':
        return <SignOff {...props} style={style} />;
      case 'subhead':
        return (
          <h2 {...attributes} dir="auto" className="block-subhead">
            {children}
          </h2>
        );
      case 'quote':
        return <Quote {...props} />;
      case 'list':
        return element.ordered ? <ol {...attributes}>{children}</ol> : <ul {...attributes}>{children}</ul>;
      case 'list-item':
        return (
          <li {...attributes} dir="auto">
            {children}
          </li>
        );
      case 'link':
        return (
          <a
            {...attributes}
            href={element.url}
            title={element.url}
            onClick={(e) => e.preventDefault()}
            rel="noreferrer noopener"
          >
            {children}
          </a>
        );
      case 'image':
        return <ImageBlock {...props} style={style} />;
      default:
        return (
          <p {...attributes} dir="auto">
            {children}
          </p>
        );
    }
  };
}

export function renderLeaf({ attributes, children, leaf }: RenderLeafProps): JSX.Element {
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  return (
    <span {...attributes} className={leaf.comment ? 'commented' : undefined}>
      {out}
    </span>
  );
}
