import type { JSX, SyntheticEvent } from 'react';
import { Transforms, type Node } from 'slate';
import { ReactEditor, useSlateStatic, type RenderElementProps, type RenderLeafProps } from 'slate-react';
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

/** Writes a void element's own fields through Slate, so they are part of undo and autosave. */
/**
 * Clicks, presses and focus moves inside a void's own controls (the sign-off box, a picture's
 * fields) belong to those controls. Left to bubble, Slate selects the void or handles the blur of
 * one box as its own and puts the DOM selection back into the document: the keyboard leaves the
 * box the person just clicked, and the next keys are lost.
 */
const stop = (e: SyntheticEvent) => e.stopPropagation();
const keepInControls = { onMouseDown: stop, onClick: stop, onFocus: stop, onBlur: stop };

function usePatch(element: BylineElement) {
  const editor = useSlateStatic();
  return (patch: Partial<BylineElement>) => {
    const path = ReactEditor.findPath(editor, element);
    Transforms.setNodes<Node>(editor, patch as Partial<Node>, { at: path });
  };
}

function Field({ attributes, children, element, label, empty }: RenderElementProps & { label: string; empty: boolean }) {
  return (
    <div {...attributes} className={`field field-${element.type}`} data-field={element.type}>
      <span contentEditable={false} className="field-label" aria-hidden="true">
        {label}
      </span>
      <div className="field-text" dir="auto" data-placeholder={empty ? label : undefined} role="textbox" aria-label={label} aria-multiline={element.type === 'teaser'}>
        {children}
      </div>
    </div>
  );
}

function SignOff({ attributes, children, element, style }: RenderElementProps & { style: HouseStyle }) {
  const patch = usePatch(element);
  if (element.type !== 'signoff') return null;
  return (
    <div {...attributes} className="field field-signoff" data-field="signoff">
      <div contentEditable={false} {...keepInControls}>
        <span className="field-label" id="signoff-label">
          Sign-off
        </span>
        <SignOffChips value={{ authors: element.authors, agencies: element.agencies }} style={style.signOff} onChange={(v) => patch(v)} />
      </div>
      {children}
    </div>
  );
}

function ImageBlock({ attributes, children, element, style }: RenderElementProps & { style: HouseStyle }) {
  const patch = usePatch(element);
  if (element.type !== 'image') return null;
  return (
    <figure {...attributes} className="block-image">
      <div contentEditable={false} {...keepInControls}>
        <ImageFields element={element} style={style.credit} onChange={(p) => patch(p)} />
      </div>
      {children}
    </figure>
  );
}

function Quote({ attributes, children, element }: RenderElementProps) {
  const patch = usePatch(element);
  if (element.type !== 'quote') return null;
  return (
    <blockquote {...attributes} dir="auto" className="block-quote">
      <div>{children}</div>
      <label contentEditable={false} className="attribution">
        <span>Attribution</span>
        <input dir="auto" value={element.attribution ?? ''} placeholder="who said it" onKeyDown={(e) => e.stopPropagation()} onChange={(e) => patch({ attribution: e.target.value || undefined })} />
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
        return <Field {...props} label={FIELD_LABELS[element.type]} empty={empty} />;
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
          <a {...attributes} href={element.url} title={element.url} onClick={(e) => e.preventDefault()} rel="noreferrer noopener">
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
