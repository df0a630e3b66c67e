import { useCallback, useMemo, type KeyboardEvent } from 'react';
import { createEditor, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import { formatCredit } from '../../shared/format/credit';
import { withBylineElements, toggleMark } from './plugins';
import type { BlockElement } from './schema';

interface Props {
  initialValue: BlockElement[];
  language: string;
  onChange(value: BlockElement[]): void;
  onBlur(): void;
}

function Element({ attributes, children, element }: RenderElementProps) {
  switch (element.type) {
    case 'subhead':
      return <h2 {...attributes} dir="auto" className="block-subhead">{children}</h2>;
    case 'quote':
      return (
        <blockquote {...attributes} dir="auto" className="block-quote">
          {children}
          {element.attribution ? <footer contentEditable={false}>— {element.attribution}</footer> : null}
        </blockquote>
      );
    case 'list':
      return element.ordered ? <ol {...attributes}>{children}</ol> : <ul {...attributes}>{children}</ul>;
    case 'list-item':
      return <li {...attributes} dir="auto">{children}</li>;
    case 'link':
      return (
        <a {...attributes} href={element.url} onClick={(e) => e.preventDefault()} rel="noreferrer noopener">
          {children}
        </a>
      );
    case 'image':
      return (
        <figure {...attributes} className="block-image">
          <div contentEditable={false}>
            <div className="image-placeholder" aria-label={element.alt || 'image'}>
              Image {element.assetId.slice(0, 10)}…
            </div>
            <figcaption dir="auto">
              {element.caption} <span className="credit">{formatCredit(element.credit)}</span>
            </figcaption>
          </div>
          {children}
        </figure>
      );
    default:
      return <p {...attributes} dir="auto">{children}</p>;
  }
}

function Leaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  return <span {...attributes}>{out}</span>;
}

/** The article body. The structured editor (headline, teaser and sign-off in one document) grows from here. */
export function BodyEditor({ initialValue, language, onChange, onBlur }: Props) {
  const editor = useMemo(() => withBylineElements(withHistory(withReact(createEditor()))), []);
  const renderElement = useCallback((props: RenderElementProps) => <Element {...props} />, []);
  const renderLeaf = useCallback((props: RenderLeafProps) => <Leaf {...props} />, []);
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'b' || key === 'i') {
        event.preventDefault();
        toggleMark(editor, key === 'b' ? 'bold' : 'italic');
      }
    },
    [editor],
  );

  return (
    <Slate editor={editor} initialValue={initialValue as Descendant[]} onValueChange={(v) => onChange(v as BlockElement[])}>
      <Editable
        className="body-editor"
        aria-label="Body"
        aria-multiline="true"
        lang={language}
        spellCheck
        disableDefaultStyles
        renderElement={renderElement}
        renderLeaf={renderLeaf}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
    </Slate>
  );
}
