import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type MutableRefObject,
  type ReactNode,
} from 'react';
import { createEditor, Editor, Element, Range, Text, Transforms, type Descendant, type NodeEntry } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, useSlateSelector, useSlateStatic, withReact } from 'slate-react';
import type { HouseStyle } from '../../shared/houseStyle';
import {
  activeBlock,
  activeLink,
  insertLink,
  isMarkActive,
  removeLink,
  setBlockType,
  toggleList,
  toggleMark,
} from './commands';
import { HiddenFileInput } from '../components/HiddenFileInput';
import { makeRenderElement, renderLeaf } from './elements/renderElement';
import { addPastedPictures } from './paste/insertPictures';
import { insertPictureFiles, PICTURE_ACCEPT, type StorePicture } from './paste/insertPictureFiles';
import { withMarkdownShortcuts } from './plugins/withMarkdownShortcuts';
import { withPaste, type PasteHooks } from './plugins/withPaste';
import { withStructure } from './plugins/withStructure';
import { focusText, placeCaretOnOpen, rememberCaret, typeIn } from './caret';
import { BODY_INDEX, type BylineEditor } from './schema';
import { MARKDOWN_HELP, SHORTCUTS, runShortcut } from './shortcuts';

interface Props {
  /** Names the article, so the caret can come back where it was the next time it opens. */
  articleId: string;
  /** A new article: the caret starts in the house style's first field. */
  isNew: boolean;
  /** Keys typed while the article opened: typed in at the caret once it is placed. */
  takeTypeAhead?(): string;
  initialValue: Descendant[];
  language: string;
  /** The article's base direction (from its language); each block still uses dir="auto". */
  dir: 'ltr' | 'rtl';
  houseStyle: HouseStyle;
  onChange(value: Descendant[]): void;
  onBlur(): void;
  /** Stores a picture (a data: URL) in the main process. */
  storePicture: StorePicture;
  onNotice(message: string): void;
  /** Receives the editor, so the page can read the selection (for comments) and move the caret. */
  editorRef?: MutableRefObject<BylineEditor | null>;
  /** Ranges to mark as commented on. */
  highlights?: Range[];
  /** Shown at the end of the formatting toolbar, which stays on screen: the save state. */
  toolbarEnd?: ReactNode;
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
function Toolbar({
  onLink,
  onHelp,
  onPicture,
  end,
}: {
  onLink(): void;
  onHelp(): void;
  onPicture(): void;
  end?: ReactNode;
}) {
  const editor = useSlateStatic();
  const state = useSlateSelector(
    (e): ToolbarState => ({
      bold: isMarkActive(e, 'bold'),
      italic: isMarkActive(e, 'italic'),
      link: !!activeLink(e),
      block: activeBlock(e),
    }),
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
      {button(
        'Bulleted list',
        'Bulleted list (Ctrl+Shift+8)',
        block === 'bulleted',
        () => toggleList(editor, false),
        '•',
      )}
      {button(
        'Numbered list',
        'Numbered list (Ctrl+Shift+7)',
        block === 'numbered',
        () => toggleList(editor, true),
        '1.',
      )}
      {button('Add picture', 'Add pictures from files (or drop them on the text)', false, onPicture, 'Picture…')}
      <span className="sep" />
      {button('Undo', 'Undo (Ctrl+Z)', false, () => editor.undo(), '↶')}
      {button('Redo', 'Redo (Ctrl+Shift+Z)', false, () => editor.redo(), '↷')}
      {button('Keyboard shortcuts', 'Keyboard shortcuts (F1)', false, onHelp, '?')}
      {end}
    </div>
  );
}

/**
 * slate-react hears of a caret or selection the browser moved (a click, End, Ctrl+Shift+←) up to
 * 100 ms late (its selectionchange handler is throttled), and a redraw in that gap (a shortcut, a
 * sync event) puts the page's caret back where Slate last knew it, so the next keys land there.
 * This tells Slate at once: on every selectionchange, before every key, and before anything
 * (a link, a comment) that acts on the selection.
 */
export function syncSelectionFromDom(editor: BylineEditor): void {
  if (ReactEditor.isComposing(editor)) return;
  const dom = window.getSelection();
  if (!dom || dom.rangeCount === 0 || !ReactEditor.hasDOMNode(editor, dom.anchorNode!)) return;
  const range = ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
  if (range && !(editor.selection && Range.equals(range, editor.selection))) Transforms.select(editor, range);
}

/** The same, while the keyboard is in the text itself (not in a picture's caption box, not elsewhere on the page). */
function syncSelectionWhileTyping(editor: BylineEditor): void {
  let root: HTMLElement;
  try {
    root = ReactEditor.toDOMNode(editor, editor);
  } catch {
    return; // not mounted
  }
  if (document.activeElement === root) syncSelectionFromDom(editor);
}

function LinkForm({ editor, onClose }: { editor: BylineEditor; onClose(): void }) {
  // The selection the link is for, held while focus is in the form.
  const [target] = useState(() => editor.selection);
  const existing = activeLink(editor);
  const [url, setUrl] = useState(existing?.[0].url ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  // Whatever closes the form, the keyboard goes back to the text: after a link, the caret
  // follows it; after Cancel or Escape, the selection is as it was.
  const close = (after: 'restore' | 'end') => {
    onClose();
    const at = after === 'end' && editor.selection ? Range.end(editor.selection) : target;
    focusText(editor, at);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (target) Transforms.select(editor, target);
    const r = insertLink(editor, url);
    if (r.ok) close('end');
    else setProblem(r.message);
  };
  return (
    <form
      className="link-form"
      aria-label="Link"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        close('restore');
      }}
    >
      <label>
        Link address
        <input
          autoFocus
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://…"
          aria-invalid={!!problem}
        />
      </label>
      <button type="submit">Apply</button>
      {existing ? (
        <button
          type="button"
          onClick={() => {
            if (target) Transforms.select(editor, target);
            removeLink(editor);
            close('restore');
          }}
        >
          Remove link
        </button>
      ) : null}
      <button type="button" onClick={() => close('restore')}>
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
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="shortcuts-title"
      className="overlay"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
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
export const ArticleDocumentEditor = memo(function ArticleDocumentEditor({
  articleId,
  isNew,
  takeTypeAhead,
  initialValue,
  language,
  dir,
  houseStyle,
  onChange,
  onBlur,
  storePicture,
  onNotice,
  editorRef,
  highlights,
  toolbarEnd,
}: Props) {
  // The editor is made once; paste reaches the latest callbacks through a ref.
  const latest = useRef({ storePicture, onNotice });
  latest.current = { storePicture, onNotice };
  // Pictures (pasted, dropped, chosen) are stored through the latest callback, and what came of
  // them is reported as a notice.
  const [pictures] = useState(() => ({
    store: ((...a) => latest.current.storePicture(...a)) as StorePicture,
    report: (outcome: Promise<string>) => void outcome.then((msg) => msg && latest.current.onNotice(msg)),
  }));
  const editor = useMemo(
    () =>
      createBylineEditor({
        onImages: (images, startBlock) =>
          pictures.report(addPastedPictures(editor, images, startBlock, pictures.store)),
        onPictureFiles: (files, afterBlock) =>
          pictures.report(insertPictureFiles(editor, files, afterBlock, 'drop', pictures.store)),
      }),
    [pictures],
  );
  if (editorRef) editorRef.current = editor;
  // The keyboard starts in the text, in the same commit that takes the type-ahead away, and the
  // place is remembered when the article is left.
  useLayoutEffect(() => {
    placeCaretOnOpen(editor, { articleId, isNew, firstField: houseStyle.editor.newArticleField });
    typeIn(editor, takeTypeAhead?.() ?? '');
    return () => rememberCaret(articleId, editor);
    // Only when the editor is made: a re-render must not move the caret.
  }, [editor]);
  const renderElement = useMemo(() => makeRenderElement(houseStyle), [houseStyle]);
  // Marks follow typing until the saved anchors come back from the store after the next save.
  const [marks, setMarks] = useState<Range[]>(highlights ?? []);
  useEffect(() => setMarks(highlights ?? []), [highlights]);
  const onValueChange = useCallback(
    (value: Descendant[]) => {
      const ops = editor.operations;
      if (ops.length) {
        setMarks((ms) =>
          ms.length
            ? ms.flatMap((r) =>
                [
                  ops.reduce<Range | null>(
                    (acc, op) => (acc ? Range.transform(acc, op, { affinity: 'inward' }) : null),
                    r,
                  ),
                ].filter((x): x is Range => !!x),
              )
            : ms,
        );
      }
      onChange(value);
    },
    [editor, onChange],
  );
  const decorate = useCallback(
    ([node, path]: NodeEntry): Range[] => {
      if (!marks.length || !Text.isText(node)) return [];
      const leaf = Editor.range(editor, path);
      return marks.flatMap((r) => {
        const overlap = Range.intersection(r, leaf);
        return overlap && !Range.isCollapsed(overlap) ? [{ ...overlap, comment: true }] : [];
      });
    },
    [editor, marks],
  );
  const [linkOpen, setLinkOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const pictureInput = useRef<HTMLInputElement>(null);
  // Chosen pictures go after the block with the caret (or at the end of the body).
  const pictureTarget = useRef(Number.MAX_SAFE_INTEGER);
  const choosePictures = useCallback(() => {
    const sel = editor.selection;
    pictureTarget.current =
      sel && Range.end(sel).path[0] === BODY_INDEX ? (Range.end(sel).path[1] ?? 0) : Number.MAX_SAFE_INTEGER;
    pictureInput.current?.click();
  }, [editor]);

  // "?" opens the shortcuts when focus is not in text (where it is a question mark); F1 always.
  useEffect(() => {
    const onWindowKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inText = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === 'F1' || (event.key === '?' && !inText && !event.ctrlKey && !event.metaKey && !event.altKey)) {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onWindowKey);
    return () => window.removeEventListener('keydown', onWindowKey);
  }, []);

  const openLink = useCallback(() => {
    syncSelectionFromDom(editor);
    setLinkOpen(true);
  }, [editor]);

  useEffect(() => {
    const onSelectionChange = () => syncSelectionWhileTyping(editor);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [editor]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      // A key may come before the selectionchange of the key just before it (input goes first).
      syncSelectionWhileTyping(editor);
      if (runShortcut(editor, event, { askForLink: openLink })) event.preventDefault();
    },
    [editor, openLink],
  );

  return (
    <Slate editor={editor} initialValue={initialValue} onValueChange={onValueChange}>
      <Toolbar onLink={openLink} onHelp={() => setHelpOpen(true)} onPicture={choosePictures} end={toolbarEnd} />
      <HiddenFileInput
        ref={pictureInput}
        accept={PICTURE_ACCEPT}
        label="Add pictures"
        testId="picture-input"
        onFiles={(files) =>
          pictures.report(insertPictureFiles(editor, files, pictureTarget.current, 'file', pictures.store))
        }
      />
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
        decorate={decorate}
        onKeyDown={onKeyDown}
        onBlur={() => {
          rememberCaret(articleId, editor);
          onBlur();
        }}
      />
      {helpOpen ? (
        <ShortcutsOverlay
          onClose={() => {
            setHelpOpen(false);
            focusText(editor);
          }}
        />
      ) : null}
    </Slate>
  );
});
