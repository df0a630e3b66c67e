import { memo, useCallback, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { createEditor, Editor, Element, Path, Transforms, type Descendant, type Range } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, useSlateSelector, useSlateStatic, withReact } from 'slate-react';
import type { HouseStyle } from '../../shared/houseStyle';
import { activeBlock, activeLink, insertLink, isMarkActive, removeLink, setBlockType, toggleList, toggleMark } from './commands';
import { makeRenderElement, renderLeaf } from './elements/renderElement';
import type { PastedImage } from './paste/htmlToBlocks';
import { withMarkdownShortcuts } from './plugins/withMarkdownShortcuts';
import { withPaste, type PasteHooks } from './plugins/withPaste';
import { withStructure } from './plugins/withStructure';
import { BODY_INDEX, type BylineEditor } from './schema';
import { MARKDOWN_HELP, SHORTCUTS, runShortcut } from './shortcuts';

interface Props {
  initialValue: Descendant[];
  language: string;
  /** The article's base direction (from its language); each block still uses dir="auto". */
  dir: 'ltr' | 'rtl';
  houseStyle: HouseStyle;
  onChange(value: Descendant[]): void;
  onBlur(): void;
  /** Stores a pasted picture (a data: URL) and returns its asset id. */
  storePicture(fileName: string, dataUrl: string): Promise<string>;
  onNotice(message: string): void;
}

/**
 * The body's blocks render in chunks: slate-react then re-renders only the chunk an edit touches,
 * so typing costs the same in a 1,000-block article as in a short one (npm run bench measures it).
 */
export const BODY_CHUNK_SIZE = 100;

export function createBylineEditor(paste: PasteHooks): BylineEditor {
  const editor = withPaste(withMarkdownShortcuts(withStructure(withHistory(withReact(createEditor())))), paste);
  editor.getChunkSize = (node) => (Element.isElement(node) && node.type === 'body' ? BODY_CHUNK_SIZE : null);
  return editor;
}

/**
 * Pictures in a paste: embedded ones (data: URLs) are stored and become image blocks after the
 * pasted text, each awaiting a credit; pictures that point at files or the web cannot be read by
 * the page and are reported, not dropped silently.
 */
async function addPastedPictures(
  editor: BylineEditor,
  images: PastedImage[],
  after: Range | null,
  storePicture: Props['storePicture'],
): Promise<string> {
  const embedded = images.filter((i) => i.src.startsWith('data:image/'));
  const elsewhere = images.length - embedded.length;
  const anchor = after ? Editor.pathRef(editor, after.focus.path.slice(0, 2)) : null;
  const problems: string[] = [];
  let added = 0;
  for (const [i, image] of embedded.entries()) {
    try {
      const assetId = await storePicture(`pasted-picture-${i + 1}`, image.src);
      const body = editor.children[BODY_INDEX] as { children: unknown[] };
      const at = anchor?.current ? Path.next(anchor.current) : [BODY_INDEX, body.children.length];
      Transforms.insertNodes(editor, { type: 'image', assetId, caption: '', credit: {}, alt: image.alt, children: [{ text: '' }] }, { at });
      added++;
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  anchor?.unref();
  const parts: string[] = [];
  if (added) parts.push(`${added} pasted picture${added === 1 ? '' : 's'} added: each needs a credit and alt text before it can go out.`);
  if (elsewhere) parts.push(`${elsewhere} picture${elsewhere === 1 ? '' : 's'} in the paste point to files or the web and were not added; attach them from the file.`);
  parts.push(...problems);
  return parts.join(' ');
}

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  link: boolean;
  block: ReturnType<typeof activeBlock>;
}
const sameToolbarState = (a: ToolbarState | null, b: ToolbarState | null) =>
  !!a && !!b && a.bold === b.bold && a.italic === b.italic && a.link === b.link && a.block === b.block;

/**
 * The toolbar re-renders only when what it shows changes (marks, link, block at the caret), not
 * on every keystroke: useSlateSelector compares the derived state.
 */
function Toolbar({ onLink, onHelp }: { onLink(): void; onHelp(): void }) {
  const editor = useSlateStatic();
  const state = useSlateSelector(
    (e): ToolbarState => ({ bold: isMarkActive(e, 'bold'), italic: isMarkActive(e, 'italic'), link: !!activeLink(e), block: activeBlock(e) }),
    sameToolbarState,
  );
  const block = state.block;
  const button = (label: string, title: string, active: boolean, run: () => void, text: string) => (
    <button
      type="button"
      aria-label={label}
      title={title}
      aria-pressed={active}
      className={active ? 'active' : undefined}
      onMouseDown={(e) => {
        e.preventDefault(); // keep the selection in the text
        run();
      }}
    >
      {text}
    </button>
  );
  return (
    <div role="toolbar" aria-label="Formatting" className="format-toolbar">
      {button('Bold', 'Bold (Ctrl+B)', state.bold, () => toggleMark(editor, 'bold'), 'B')}
      {button('Italic', 'Italic (Ctrl+I)', state.italic, () => toggleMark(editor, 'italic'), 'I')}
      {button('Link', 'Link (Ctrl+K)', state.link, onLink, 'Link')}
      <span className="sep" />
      {button('Paragraph', 'Paragraph (Alt+0)', block === 'paragraph', () => setBlockType(editor, 'paragraph'), '¶')}
      {button('Subhead', 'Subhead (Alt+2)', block === 'subhead', () => setBlockType(editor, 'subhead'), 'H2')}
      {button('Quote', 'Quote (Alt+Q)', block === 'quote', () => setBlockType(editor, 'quote'), '❝')}
      {button('Bulleted list', 'Bulleted list (Ctrl+Shift+8)', block === 'bulleted', () => toggleList(editor, false), '•')}
      {button('Numbered list', 'Numbered list (Ctrl+Shift+7)', block === 'numbered', () => toggleList(editor, true), '1.')}
      <span className="sep" />
      {button('Undo', 'Undo (Ctrl+Z)', false, () => editor.undo(), '↶')}
      {button('Redo', 'Redo (Ctrl+Shift+Z)', false, () => editor.redo(), '↷')}
      {button('Keyboard shortcuts', 'Keyboard shortcuts (F1)', false, onHelp, '?')}
    </div>
  );
}

function LinkForm({ editor, onClose }: { editor: BylineEditor; onClose(): void }) {
  const existing = activeLink(editor);
  const [url, setUrl] = useState(existing?.[0].url ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = insertLink(editor, url);
    if (r.ok) onClose();
    else setProblem(r.message);
  };
  return (
    <form className="link-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <label>
        Link address
        <input autoFocus value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" aria-invalid={!!problem} />
      </label>
      <button type="submit">Apply</button>
      {existing ? (
        <button
          type="button"
          onClick={() => {
            removeLink(editor);
            onClose();
          }}
        >
          Remove link
        </button>
      ) : null}
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      {problem ? (
        <span role="alert" className="field-problem">
          {problem}
        </span>
      ) : null}
    </form>
  );
}

export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" className="overlay" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="overlay-card">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.label}>
                <td>{s.label}</td>
                <td>
                  <kbd>{s.keys.replaceAll('Mod', navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl')}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Typed at the start of a paragraph</h3>
        <table>
          <tbody>
            {MARKDOWN_HELP.map(([keys, label]) => (
              <tr key={label}>
                <td>{label}</td>
                <td>
                  <kbd>{keys}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** The article as one structured document: fields, body and sign-off in one editor with one history. */
export const ArticleDocumentEditor = memo(function ArticleDocumentEditor({ initialValue, language, dir, houseStyle, onChange, onBlur, storePicture, onNotice }: Props) {
  // The editor is made once; paste reaches the latest callbacks through a ref.
  const latest = useRef({ storePicture, onNotice });
  latest.current = { storePicture, onNotice };
  const editor = useMemo(
    () =>
      createBylineEditor({
        onImages: (images, after) => {
          void addPastedPictures(editor, images, after, (n, d) => latest.current.storePicture(n, d)).then((msg) => msg && latest.current.onNotice(msg));
        },
      }),
    [],
  );
  const renderElement = useMemo(() => makeRenderElement(houseStyle), [houseStyle]);
  const [linkOpen, setLinkOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.key === 'F1') {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      if (runShortcut(editor, event, { askForLink: () => setLinkOpen(true) })) event.preventDefault();
    },
    [editor],
  );

  return (
    <Slate editor={editor} initialValue={initialValue} onValueChange={onChange}>
      <Toolbar onLink={() => setLinkOpen(true)} onHelp={() => setHelpOpen(true)} />
      {linkOpen ? <LinkForm editor={editor} onClose={() => setLinkOpen(false)} /> : null}
      <Editable
        className="article-document"
        aria-label="Article"
        aria-multiline="true"
        lang={language}
        dir={dir}
        spellCheck
        disableDefaultStyles
        renderElement={renderElement}
        renderLeaf={renderLeaf}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      {helpOpen ? <ShortcutsOverlay onClose={() => setHelpOpen(false)} /> : null}
    </Slate>
  );
});
