import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Descendant } from 'slate';
import { directionOf } from '../../shared/format/direction';
import { isBlankArticle, type Article } from '../../shared/model/article';
import { statusLabel } from '../../shared/workflow';
import type { HouseStyle } from '../../shared/houseStyle';
import type { IncomingVersion as Incoming } from '../../shared/model/handoff';
import type { LineRole } from '../../shared/model/pageMapping';
import type { ExportFormat } from '../../shared/ipc/channels';
import type { Client } from '../api/client';
import { Banner } from '../app/Banner';
import { ArticleDocumentEditor } from '../editor/ArticleDocumentEditor';
import { focusText } from '../editor/caret';
import { AssetPreviewContext, type PreviewLoader } from '../editor/elements/assetPreview';
import { Autosaver, type SaveState } from '../editor/autosave';
import { countBlocks, type Counts } from '../editor/counting';
import { documentFromArticle, fieldsFromDocument } from '../editor/document';
import { BODY_INDEX, type BodyElement, type BylineEditor } from '../editor/schema';
import { CommentsPanel } from './CommentsPanel';
import { useComments } from './useComments';
import { CountsBar } from './CountsBar';
import { AssignForm } from './AssignForm';
import { EditingNotice, SyncRefusal } from './SyncNotices';
import { useRemoteChanges } from './useRemoteChanges';
import { HistoryPanel } from './HistoryPanel';
import { IncomingVersion } from './IncomingVersion';
import { MetadataPanel, type Metadata } from './MetadataPanel';
import { SourcePanel, usePageReview } from './SourcePanel';
import { RecoveryOffer } from './RecoveryOffer';
import { ConflictChoice } from './ConflictChoice';
import { ExportForm } from './ExportForm';
import { describeSaveState } from './saveStateLabel';
import { problemOf, Refusal, type Problem } from './Refusal';
import { StatusControl } from './StatusControl';
import { goToMissing } from '../editor/goTo';
import { StatusReason } from './StatusReason';
import type { Trashed } from './TrashUndo';
import { TypingJournal } from '../editor/typingJournal';
import { localJournal } from '../editor/localJournal';
import { offerDownload } from '../api/files';
import { useUnsavedRecovery } from './useUnsavedRecovery';
import { readAsDataUrl, type StorePicture } from '../editor/paste/insertPictureFiles';
import { AttachPictureContext, type AttachPicture } from '../editor/elements/MissingFile';

interface Props {
  client: Client;
  article: Article;
  houseStyle: HouseStyle;
  onClose(): void;
  /** Writes a `.byline` package of the saved article (File → Send for review). */
  onSendForReview(): void;
  /** Bumped by File → Export to open the export form. */
  exportRequest: number;
  /** The article went to the trash: the list offers Undo. */
  onTrashed(trashed: Trashed): void;
  /** Lets the app ask for a save before it navigates or closes. */
  registerFlush(flush: (() => Promise<void>) | null): void;
  /** What was typed while the article opened, once (TypeAhead.tsx). */
  takeTypeAhead?(): string;
  /** Rounds of sync with the newsroom server that changed articles here, and which. */
  remote?: { generation: number; changed: string[] } | null;
  /** Who else has this article open now (a soft lock: it warns, never blocks). */
  editingBy?: string[];
  /** Why the newsroom server refused changes to this article (a step the role may not make). */
  refusedBy?: string[];
  /** Signed in to a newsroom server: the article can be assigned there. */
  assignable?: boolean;
}

const AUTOSAVE_DELAY_MS = 1000;
/** How often unsaved text goes to the journal while typing: what a crashed window can lose at most. */
const JOURNAL_INTERVAL_MS = 250;
const COUNT_DELAY_MS = 250;

function metadataOf(a: Article): Metadata {
  return {
    language: a.language,
    slug: a.slug,
    byline: a.byline,
    dateline: a.dateline,
    keywords: a.keywords,
    publishedAt: a.publishedAt,
  };
}

export function ArticleEditor({
  client,
  article,
  houseStyle,
  onClose,
  onSendForReview,
  exportRequest,
  onTrashed,
  registerFlush,
  takeTypeAhead,
  remote = null,
  editingBy = [],
  refusedBy = [],
  assignable = false,
}: Props) {
  // `loaded` is the article the editor was filled from; taking the other side of a conflict refills it.
  const [loaded, setLoaded] = useState(article);
  const [meta, setMeta] = useState(() => metadataOf(article));
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: article.updatedAt });
  const initialDoc = useMemo(() => documentFromArticle(loaded), [loaded]);
  const [counts, setCounts] = useState<Counts>(() =>
    countBlocks((initialDoc[BODY_INDEX] as BodyElement).children, loaded.language),
  );
  const [theirs, setTheirs] = useState<Article | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeShown = useRef(false);
  useEffect(() => {
    noticeShown.current = !!notice;
  }, [notice]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState(article.status);
  const [savedRevision, setSavedRevision] = useState(article.revision);
  const [showHistory, setShowHistory] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [incoming, setIncoming] = useState<{ version: Incoming; mine: Article } | null>(null);
  const editorRef = useRef<BylineEditor | null>(null);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    if (exportRequest > 0) setExporting(true);
  }, [exportRequest]);

  // The live content lives in refs so the saver always sends the latest text.
  const base = useRef(article);
  const live = useRef({ doc: initialDoc, meta });
  const countTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The article as the editor holds it now: what a save and the journal send. */
  const editedArticle = () => ({ ...base.current, ...live.current.meta, ...fieldsFromDocument(live.current.doc) });

  const local = useMemo(() => localJournal(), []);
  // The journal sends unsaved text a few times a second; each save says how far it got, so the
  // store drops every journal entry the save covers (typingJournal.ts, store/journal.ts).
  const journal = useMemo(
    () =>
      new TypingJournal({
        intervalMs: JOURNAL_INTERVAL_MS,
        // The autosave reports real trouble; a lost journal write costs only its fraction of a second.
        send: (mark) => {
          const text = editedArticle();
          // Kept by the page as well: it survives a store that cannot be reached.
          void local.put(text.id, { article: text, mark, writtenAt: new Date().toISOString() }).catch(() => undefined);
          void client.invoke('articles.journal', { article: text, mark }).catch(() => undefined);
        },
      }),
    [client],
  );
  const saver = useMemo(
    () =>
      new Autosaver({
        delayMs: AUTOSAVE_DELAY_MS,
        onState: setState,
        save: async () => {
          const mark = journal.mark();
          const { article: saved } = await client.invoke('articles.save', { article: editedArticle(), journal: mark });
          journal.saved(mark);
          void local.settle(saved.id, mark).catch(() => undefined);
          if (saved.status !== base.current.status) {
            setNotice(
              `Edited while ${statusLabel(houseStyle, base.current.status)}: the article is back in ${statusLabel(houseStyle, saved.status)}.`,
            );
            setStatus(saved.status);
          }
          base.current = saved;
          setSavedRevision(saved.revision);
          return saved.updatedAt;
        },
      }),
    [client, journal],
  );
  useEffect(() => () => journal.dispose(), [journal]);

  // A new article left with nothing typed is not kept (the store checks that it is blank).
  const discardIfBlank = useCallback(async () => {
    if (saver.hasUnsavedChanges || !isBlankArticle(editedArticle())) return;
    await client.invoke('articles.discardIfBlank', { id: article.id }).catch(() => undefined);
  }, [client, saver, article.id]);
  const close = async () => {
    await saver.flush();
    await discardIfBlank();
    onClose();
  };
  useEffect(() => {
    registerFlush(() => saver.flush());
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    // Closing with unsaved text: hold the close, save, then close. In Electron a prevented unload
    // cancels the close silently, so the page closes its window itself once the store has the
    // text; if the save fails the window stays open with the error and the text. A browser shows
    // its own "leave page?" prompt instead.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedChanges) return;
      event.preventDefault();
      void saver.flush().then(() => {
        if (window.byline && !saver.hasUnsavedChanges) window.close();
      });
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saver.flush();
      }
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('keydown', onKey);
    return () => {
      registerFlush(null);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('keydown', onKey);
      void saver.flush().then(discardIfBlank);
      saver.dispose();
    };
  }, [saver, registerFlush, discardIfBlank]);

  // Counting waits for a pause in typing, and only recounts changed blocks (see counting.ts).
  const onDocChange = useCallback(
    (doc: Descendant[]) => {
      live.current.doc = doc;
      journal.changed();
      saver.changed();
      // A notice is about what just happened; typing on is moving on.
      if (noticeShown.current) {
        noticeShown.current = false;
        setNotice(null);
      }
      if (countTimer.current) clearTimeout(countTimer.current);
      countTimer.current = setTimeout(() => {
        setCounts(countBlocks((doc[BODY_INDEX] as BodyElement).children, live.current.meta.language));
      }, COUNT_DELAY_MS);
    },
    [saver, journal],
  );
  const onMetaChange = (next: Metadata) => {
    setMeta(next);
    live.current.meta = next;
    journal.changed();
    saver.changed();
  };
  const flushNow = useCallback(() => void saver.flush(), [saver]);
  // Previews are cached for the article's life: image blocks re-render while typing around them.
  const previews = useMemo(() => new Map<string, ReturnType<PreviewLoader>>(), []);
  const loadPreview = useCallback<PreviewLoader>(
    (id) => {
      let p = previews.get(id);
      if (!p) previews.set(id, (p = client.invoke('assets.preview', { id })));
      return p;
    },
    [client, previews],
  );
  const storePicture = useCallback<StorePicture>(
    (fileName, dataUrl, source) => client.invoke('assets.add', { fileName, dataUrl, source }),
    [client],
  );
  const attachPicture = useCallback<AttachPicture>(
    async (file) => storePicture(file.name, await readAsDataUrl(file), 'file'),
    [storePicture],
  );

  // The desktop app's spellchecker follows the article's language (a browser follows lang="…").
  useEffect(() => {
    client.invoke('app.spellcheck', { language: meta.language }).catch(() => undefined);
  }, [client, meta.language]);

  useEffect(() => {
    if (state.kind !== 'error' || state.code !== 'conflict') return;
    client.invoke('articles.get', { id: article.id }).then(setTheirs, () => undefined);
  }, [state, client, article.id]);

  /** Conflict: keep this text as a new revision on top of the one saved meanwhile. */
  const keepMine = async () => {
    const latest = await client.invoke('articles.get', { id: article.id });
    base.current = { ...latest };
    setStatus(latest.status);
    setTheirs(null);
    saver.resume();
    saver.changed();
    await saver.flush();
  };
  /** Conflict: drop this text and load what the store holds. */
  const takeTheirs = async () => {
    const latest = await client.invoke('articles.get', { id: article.id });
    base.current = latest;
    live.current = { doc: documentFromArticle(latest), meta: metadataOf(latest) };
    setMeta(metadataOf(latest));
    setLoaded(latest);
    setStatus(latest.status);
    setTheirs(null);
    saver.discard();
    journal.saved(journal.mark());
    void local.discard(article.id).catch(() => undefined);
    setState({ kind: 'saved', at: latest.updatedAt });
    // The person chose to drop this text: it must not come back after a restart either.
    client.invoke('articles.discardRecovery', { id: article.id }).catch(() => undefined);
  };

  // Text typed but never saved (a crashed window, an unreachable store): offered back on opening.
  const {
    recovery,
    settle: settleRecovery,
    discard: dropRecovery,
  } = useUnsavedRecovery(client, article, journal, local);
  const [generation, setGeneration] = useState(0);
  /** Puts the recovered text in the editor and saves it as a new revision (what was typed meanwhile is saved first). */
  const keepRecovered = async () => {
    const r = recovery;
    if (!r) return;
    settleRecovery();
    await saver.flush();
    // The recovered text on top of what the store holds now.
    const text: Article = {
      ...r.article,
      revision: base.current.revision,
      status: base.current.status,
      updatedAt: base.current.updatedAt,
    };
    live.current = { doc: documentFromArticle(text), meta: metadataOf(text) };
    setMeta(metadataOf(text));
    setLoaded(text);
    setGeneration((g) => g + 1);
    saver.changed();
    await saver.flush();
    // Saved: the page's copy of the kept text has done its job.
    if (!saver.hasUnsavedChanges) void local.discard(article.id).catch(() => undefined);
  };
  const discardRecovered = () => dropRecovery().catch((e: unknown) => setProblem(problemOf(e)));

  /** A workflow step: save what is typed first, then ask the main process, which checks the house style. */
  const moveStatus = async (to: string, reason?: string) => {
    setProblem(null);
    try {
      await saver.flush();
      if (saver.hasUnsavedChanges) throw new Error('The article could not be saved, so its status was not changed.');
      const moved = await client.invoke('articles.setStatus', {
        id: article.id,
        status: to,
        reason,
        revision: base.current.revision,
      });
      base.current = moved;
      setStatus(moved.status);
      setSavedRevision(moved.revision);
      setNotice(`Moved to ${statusLabel(houseStyle, moved.status)}.`);
    } catch (e) {
      setProblem(problemOf(e));
    }
  };

  /** Refills the editor with an article the main process wrote (a restore, a chosen version). */
  const reload = (next: Article) => {
    base.current = next;
    live.current = { doc: documentFromArticle(next), meta: metadataOf(next) };
    setMeta(metadataOf(next));
    setLoaded(next);
    setStatus(next.status);
    setSavedRevision(next.revision);
  };

  // Records from the newsroom server changed this article: comments and versions to choose are read again.
  const remoteRound = useRemoteChanges({
    client,
    articleId: article.id,
    remote,
    saver,
    base,
    reload,
    onUpdated: (revision) => setNotice(`Updated from the newsroom server: revision ${revision}.`),
  });

  /** A refusal answered: the text and status the server has come back as a new revision; the refused ones stay in the history. */
  const backToServer = async () => {
    setProblem(null);
    try {
      await saver.flush();
      if (saver.hasUnsavedChanges)
        throw new Error('The article could not be saved, so it did not go back to the server’s version.');
      reload(await client.invoke('sync.backToServer', { id: article.id, base: base.current.revision }));
      setNotice('Back to the newsroom server’s version; what it refused stays in the history.');
    } catch (e) {
      setProblem(problemOf(e));
    }
  };

  // A page read by guesswork: its lines beside the article, each correctable.
  const page = usePageReview(client, article);
  const fixLine = async (line: number, role: LineRole) => {
    setProblem(null);
    try {
      await saver.flush();
      if (saver.hasUnsavedChanges) throw new Error('The article could not be saved, so the page was not read again.');
      const { article: next, review } = await client.invoke('imports.fixLine', {
        id: article.id,
        revision: base.current.revision,
        fix: { line, role },
      });
      reload(next);
      page.setReview(review);
    } catch (e) {
      setProblem(problemOf(e));
    }
  };

  /** Brings back an earlier revision's text as a new revision; what is typed is saved first, so nothing is lost. */
  const restore = async (revision: number) => {
    setProblem(null);
    try {
      await saver.flush();
      if (saver.hasUnsavedChanges) throw new Error('The article could not be saved, so nothing was restored.');
      const restored = await client.invoke('articles.restoreRevision', {
        id: article.id,
        revision,
        base: base.current.revision,
      });
      reload(restored);
      setNotice(`Restored revision ${revision} as revision ${restored.revision}; the revisions in between are kept.`);
    } catch (e) {
      setProblem(problemOf(e));
    }
  };

  // A package may have brought a version that diverged from this machine's: it waits for a choice.
  useEffect(() => {
    client.invoke('articles.incoming', { id: article.id }).then(
      async ([first]) =>
        setIncoming(first ? { version: first, mine: await client.invoke('articles.get', { id: article.id }) } : null),
      () => undefined,
    );
  }, [client, article.id, savedRevision, remoteRound]);
  const chooseVersion = async (keep: 'mine' | 'theirs') => {
    if (!incoming) return;
    setProblem(null);
    try {
      await saver.flush();
      if (saver.hasUnsavedChanges) throw new Error('The article could not be saved, so no version was chosen.');
      const chosen = await client.invoke('articles.resolveIncoming', {
        id: article.id,
        incomingId: incoming.version.id,
        keep,
        base: base.current.revision,
      });
      reload(chosen);
      setNotice(
        `${keep === 'mine' ? 'Kept this machine’s version' : `Took ${incoming.version.sender}’s version`} as revision ${chosen.revision}; both versions are in the history.`,
      );
    } catch (e) {
      setProblem(problemOf(e));
    }
  };

  // In a narrow window the side panels are a drawer; comments open it.
  const [drawerOpen, setDrawerOpen] = useState(false);
  const comments = useComments({
    client,
    articleId: article.id,
    savedRevision,
    remoteRound,
    editorRef,
    initialDoc,
    currentDoc: () => live.current.doc,
    flush: () => saver.flush(),
    onProblem: (e) => setProblem(e === null ? null : problemOf(e)),
    onOpen: () => setDrawerOpen(true),
  });
  /** After a form beside the text (export, a step's reason): the keyboard goes back to the text where it was. */
  const backToText = useCallback(() => {
    if (editorRef.current) focusText(editorRef.current);
  }, []);

  /** Export: checked in the main process; a refusal lists what is missing here, where the person can fix it. */
  const exportAs = async (format: ExportFormat) => {
    setProblem(null);
    try {
      await saver.flush();
      if (saver.hasUnsavedChanges) throw new Error('The article could not be saved, so it was not exported.');
      const r = await client.invoke('articles.export', { id: article.id, format });
      if (!r.path) return;
      const step = r.step
        ? r.step.done
          ? `\nMoved to ${statusLabel(houseStyle, r.step.to)}.`
          : `\nNot moved to ${statusLabel(houseStyle, r.step.to)}: ${r.step.message}`
        : '';
      const downloaded = offerDownload(r.path) ? '\nYour browser downloads it as well.' : '';
      setNotice(`Exported to ${r.path}\nChecked against ${r.checked}.${step}${downloaded}`);
      if (r.step?.done) reload(await client.invoke('articles.get', { id: article.id }));
    } catch (e) {
      setProblem(problemOf(e));
    }
  };

  const trash = async () => {
    await saver.flush();
    await client.invoke('articles.trash', { id: article.id });
    onTrashed({ id: article.id, headline: base.current.headline });
  };

  const dir = directionOf(meta.language);
  // In the formatting toolbar, which stays on screen while the article scrolls.
  // Made again only when the state changes: the text (a memo) is then not redrawn for every sync event.
  const saveState = useMemo(
    () => (
      <span role="status" aria-live="polite" className={`save-state ${state.kind}`} data-testid="save-state">
        {describeSaveState(state)}
      </span>
    ),
    [state],
  );
  const conflict = state.kind === 'error' && state.code === 'conflict';
  // In a narrow window the presence line is in the closed drawer: its button says so.
  const othersEditing = [...new Set(editingBy)];
  return (
    <main className="editor" lang={meta.language}>
      <div className="toolbar">
        <button type="button" onClick={() => void close()}>
          ← Articles
        </button>
        <button type="button" onClick={flushNow} title="Save now (Ctrl+S)">
          Save
        </button>
        <button type="button" aria-expanded={exporting} onClick={() => setExporting((e) => !e)}>
          Export…
        </button>
        <button
          type="button"
          onClick={onSendForReview}
          title="Write a .byline package (article, history, comments, pictures) to hand to the desk"
        >
          Send for review…
        </button>
        <button type="button" aria-expanded={showHistory} onClick={() => setShowHistory((h) => !h)}>
          History
        </button>
        {assignable ? (
          <button
            type="button"
            aria-expanded={assigning}
            onClick={() => setAssigning((a) => !a)}
            title="Assign the article to colleagues on the newsroom server"
          >
            Assign…
          </button>
        ) : null}
        {page.review ? (
          <button
            type="button"
            aria-expanded={page.shown}
            onClick={() => page.setShown(!page.shown)}
            title="The page this article was read from, line by line"
          >
            Page source
          </button>
        ) : null}
        <button
          type="button"
          className="drawer-toggle"
          aria-controls="side-panels"
          aria-expanded={drawerOpen}
          onClick={() => setDrawerOpen((o) => !o)}
        >
          Status & details
          {othersEditing.length ? (
            <>
              {' '}
              <span className="badge editing" title={`${othersEditing.join(', ')} editing this article too`}>
                {othersEditing.length} editing
              </span>
            </>
          ) : null}
        </button>
        <button
          type="button"
          aria-expanded={comments.isOpen}
          title="Comment on the selected words or a field (Ctrl+Alt+M)"
          onMouseDown={(e) => e.preventDefault() /* keep the selection in the text */}
          onClick={() => (comments.isOpen ? comments.close() : comments.open())}
        >
          Comments{comments.openCount ? ` (${comments.openCount})` : ''}
        </button>
        <button
          type="button"
          className="apart"
          onClick={() => void trash()}
          title="Moves the article to the trash; the list offers Undo"
        >
          Move to trash
        </button>
      </div>
      {notice ? <Banner kind="notice" message={notice} onDismiss={() => setNotice(null)} /> : null}
      {problem ? (
        <Refusal
          problem={problem}
          onGo={(target) => goToMissing(editorRef.current, target)}
          onDismiss={() => setProblem(null)}
        />
      ) : null}
      {exporting ? (
        <ExportForm
          onExport={(format) => {
            setExporting(false);
            backToText();
            void exportAs(format);
          }}
          onCancel={() => {
            setExporting(false);
            backToText();
          }}
        />
      ) : null}
      {conflict ? (
        <ConflictChoice
          theirs={theirs}
          mine={fieldsFromDocument(live.current.doc)}
          onKeepMine={() => void keepMine()}
          onTakeTheirs={() => void takeTheirs()}
        />
      ) : null}
      {recovery ? (
        <RecoveryOffer
          kept={recovery.article}
          writtenAt={recovery.writtenAt}
          saved={base.current}
          houseStyle={houseStyle}
          onRestore={() => void keepRecovered()}
          onDiscard={discardRecovered}
        />
      ) : null}
      <StatusReason
        client={client}
        articleId={article.id}
        status={status}
        revision={savedRevision}
        houseStyle={houseStyle}
      />
      <SyncRefusal refusedBy={refusedBy} onBackToServer={() => void backToServer()} />
      {incoming ? (
        <IncomingVersion
          version={incoming.version}
          mine={incoming.mine}
          houseStyle={houseStyle}
          onChoose={chooseVersion}
        />
      ) : null}
      {assigning ? (
        <AssignForm
          client={client}
          articleId={article.id}
          onClose={() => setAssigning(false)}
          onDone={(message) => {
            setAssigning(false);
            setNotice(message);
          }}
        />
      ) : null}
      {showHistory ? (
        <HistoryPanel
          client={client}
          articleId={article.id}
          houseStyle={houseStyle}
          revision={savedRevision}
          onRestore={restore}
        />
      ) : null}
      <div className={page.review && page.shown ? 'editor-columns with-source' : 'editor-columns'}>
        {page.review && page.shown ? (
          <SourcePanel review={page.review} onFix={fixLine} onClose={() => page.setShown(false)} />
        ) : null}
        <div className="document-column">
          <AssetPreviewContext.Provider value={loadPreview}>
            <AttachPictureContext.Provider value={attachPicture}>
              <ArticleDocumentEditor
                key={`${loaded.id}:${loaded.revision}:${generation}`}
                articleId={loaded.id}
                isNew={isBlankArticle(loaded)}
                takeTypeAhead={takeTypeAhead}
                initialValue={initialDoc}
                language={meta.language}
                dir={dir}
                houseStyle={houseStyle}
                onChange={onDocChange}
                onBlur={flushNow}
                storePicture={storePicture}
                onNotice={setNotice}
                editorRef={editorRef}
                highlights={comments.highlights}
                toolbarEnd={saveState}
              />
            </AttachPictureContext.Provider>
          </AssetPreviewContext.Provider>
          <CountsBar body={counts} />
        </div>
        <div
          id="side-panels"
          className={drawerOpen ? 'side-column open' : 'side-column'}
          onKeyDown={(e) => e.key === 'Escape' && drawerOpen && setDrawerOpen(false)}
        >
          <button type="button" className="drawer-close" onClick={() => setDrawerOpen(false)}>
            Close panel
          </button>
          <EditingNotice editingBy={editingBy} />
          <StatusControl
            status={status}
            houseStyle={houseStyle}
            openComments={comments.openCount}
            onMove={moveStatus}
            onDone={backToText}
          />
          <MetadataPanel key={`${loaded.id}:${loaded.revision}:${generation}`} value={meta} onChange={onMetaChange} />
          {comments.isOpen ? <CommentsPanel {...comments.panel} /> : null}
        </div>
      </div>
    </main>
  );
}
