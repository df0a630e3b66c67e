import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { Range as SlateRange, type Descendant, type Range } from 'slate';
import type { CommentThread, NewAnchor } from '../../shared/model/comment';
import type { Client } from '../api/client';
import { syncSelectionFromDom } from '../editor/ArticleDocumentEditor';
import { focusText } from '../editor/caret';
import { anchorToRanges } from '../editor/comments/anchorRanges';
import type { BylineEditor } from '../editor/schema';
import type { CommentTarget } from './CommentsPanel';
import { commentTargets } from './commentTargets';

interface Options {
  client: Client;
  articleId: string;
  /** Anchors refer to saved text: threads are read again after each save and each round of sync that changed the article. */
  savedRevision: number;
  remoteRound: number;
  editorRef: MutableRefObject<BylineEditor | null>;
  /** The text the editor was filled from, for marks before the editor exists. */
  initialDoc: Descendant[];
  /** The text as typed now: where a new comment can go. */
  currentDoc(): Descendant[];
  /** Saves what is typed (a new comment's offsets are checked against the saved text). */
  flush(): Promise<void>;
  /** A refused comment call, or null as a new one starts. */
  onProblem(problem: unknown): void;
  /** The comment box was asked for (a narrow window opens its drawer). */
  onOpen(): void;
}

/**
 * An article's comment threads beside its editor: marks on the commented words, the comment box
 * (Ctrl+Alt+M takes the keyboard there with the words just selected), and adding, replying and
 * resolving through the main process.
 */
export function useComments(options: Options) {
  const { client, articleId, savedRevision, remoteRound, editorRef, initialDoc } = options;
  const latest = useRef(options);
  latest.current = options;
  const [threads, setThreads] = useState<CommentThread[]>([]);
  useEffect(() => {
    client.invoke('comments.list', { articleId }).then(setThreads, () => undefined);
  }, [client, articleId, savedRevision, remoteRound]);
  const highlights = useMemo<Range[]>(
    () =>
      threads.flatMap((t) =>
        t.anchor?.kind === 'text' && !t.detached && !t.resolvedAt
          ? anchorToRanges(editorRef.current?.children ?? initialDoc, t.anchor)
          : [],
      ),
    [threads, initialDoc, editorRef],
  );

  // Null while the comment box is closed; else where a new comment can go.
  const [targets, setTargets] = useState<CommentTarget[] | null>(null);
  // Where the text's selection was when the comment box took the keyboard, to give it back there.
  const from = useRef<Range | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const open = useCallback(() => {
    const editor = latest.current.editorRef.current;
    latest.current.onOpen();
    // The words just selected by keyboard may not have reached Slate yet (selectionchange is throttled).
    if (editor) syncSelectionFromDom(editor);
    from.current = editor?.selection ?? null;
    setTargets(commentTargets(editor, latest.current.currentDoc()));
    setFocusRequest((n) => n + 1);
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.key.toLowerCase() === 'm') {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  // Back after the selected words, not on them: a key typed next must not replace them.
  const returnToText = useCallback(() => {
    const editor = latest.current.editorRef.current;
    if (editor) focusText(editor, from.current ? SlateRange.end(from.current) : null);
  }, []);

  const call = async (request: () => Promise<CommentThread>) => {
    latest.current.onProblem(null);
    try {
      const t = await request();
      setThreads((all) => (all.some((x) => x.id === t.id) ? all.map((x) => (x.id === t.id ? t : x)) : [...all, t]));
    } catch (e) {
      latest.current.onProblem(e);
    }
  };
  const panel = {
    threads,
    targets: targets ?? [],
    focusRequest,
    onReturnToText: returnToText,
    onAdd: async (anchor: NewAnchor, body: string) => {
      // The offsets are in the text as typed; the store checks them against the saved text.
      await latest.current.flush();
      await call(() => client.invoke('comments.add', { articleId, anchor, body }));
    },
    onReply: (commentId: string, body: string) => call(() => client.invoke('comments.reply', { commentId, body })),
    onResolve: (commentId: string, resolved: boolean) =>
      call(() => client.invoke('comments.setResolved', { commentId, resolved })),
    // Moves the caret to the commented words and scrolls them into view.
    onShow: (t: CommentThread) => {
      const editor = latest.current.editorRef.current;
      if (!editor || t.anchor?.kind !== 'text') return;
      const ranges = anchorToRanges(editor.children, t.anchor);
      if (ranges.length) focusText(editor, { anchor: ranges[0]!.anchor, focus: ranges.at(-1)!.focus });
    },
  };
  const openCount = threads.filter((t) => !t.resolvedAt).length;
  return { threads, openCount, highlights, isOpen: targets !== null, open, close: () => setTargets(null), panel };
}
