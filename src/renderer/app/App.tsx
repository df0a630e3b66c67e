import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article } from '../../shared/model/article';
import { DEFAULT_HOUSE_STYLE } from '../../shared/houseStyle';
import { MAX_IMPORT_FILE_BYTES, type AppInfo, type ImportBatchResult } from '../../shared/ipc/contract';
import { describeHandoff } from '../../shared/model/handoff';
import type { Client } from '../api/client';
import { ArticleEditor } from '../views/ArticleEditor';
import { ArticleList } from '../views/ArticleList';
import { PhotoDesk } from '../views/PhotoDesk';
import { ProfileForm } from '../views/ProfileForm';
import { fileToBase64, offerDownload } from '../api/files';
import { HiddenFileInput } from '../components/HiddenFileInput';
import { Banner } from './Banner';
import { JobBar } from './JobBar';
import { useJobs, wasCancelled } from './useJobs';
import { useSync } from './useSync';
import { ServerSignIn } from '../views/ServerSignIn';
import { SyncStatusLine } from '../views/SyncStatusLine';
import { TypeAhead } from './TypeAhead';
import type { Trashed } from '../views/TrashUndo';
import { parseRoute, routeHash, type Route } from './route';

interface ScreenMessage {
  text: string;
  /** The screen (route hash) it belongs to. */
  on: string;
}

export function App({ client }: { client: Client }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [editingProfile, setEditingProfile] = useState(false);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [article, setArticle] = useState<Article | null>(null);
  // Messages belong to the screen where the action was: shown there, gone when the person moves on.
  const [errorMessage, setErrorMessage] = useState<ScreenMessage | null>(null);
  const [noticeMessage, setNoticeMessage] = useState<ScreenMessage | null>(null);
  const here = useRef('');
  here.current = routeHash(route);
  /** A message for the screen `on` (by default the one shown now); null clears it. */
  const onScreen = (text: string | null, on?: Route): ScreenMessage | null =>
    text ? { text, on: on ? routeHash(on) : here.current } : null;
  const setError = useCallback((text: string | null, on?: Route) => setErrorMessage(onScreen(text, on)), []);
  const setNotice = useCallback((text: string | null, on?: Route) => setNoticeMessage(onScreen(text, on)), []);
  const [listVersion, setListVersion] = useState(0);
  const flushEditor = useRef<(() => Promise<void>) | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  // Keys typed while an article opens, for its editor (TypeAhead.tsx).
  const typeAhead = useRef('');
  const takeTypeAhead = useCallback(() => {
    const typed = typeAhead.current;
    typeAhead.current = '';
    return typed;
  }, []);
  const [creating, setCreating] = useState(false);
  const [justTrashed, setJustTrashed] = useState<Trashed | null>(null);

  // The route is set at once, not when the hashchange event comes: in between, the old view would
  // show again and take the keyboard from the type-ahead.
  const go = useCallback(async (next: Route) => {
    await flushEditor.current?.();
    location.hash = routeHash(next);
    setRoute((now) => (routeHash(now) === routeHash(next) ? now : next));
  }, []);

  useEffect(() => {
    const onHash = () => {
      const next = parseRoute(location.hash);
      setRoute((now) => (routeHash(now) === routeHash(next) ? now : next));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    client.invoke('app.info', {}).then(setInfo, (e: Error) => setError(e.message));
  }, [client]);

  // A file dropped where nothing takes it must not replace the app with the file (a browser's default).
  useEffect(() => {
    const swallow = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', swallow);
    window.addEventListener('drop', swallow);
    return () => {
      window.removeEventListener('dragover', swallow);
      window.removeEventListener('drop', swallow);
    };
  }, []);

  useEffect(() => {
    setArticle(null);
    // Messages of the screen left behind do not follow the person, nor wait for their return.
    const now = routeHash(route);
    setNoticeMessage((m) => (m?.on === now ? m : null));
    setErrorMessage((m) => (m?.on === now ? m : null));
    if (route.view !== 'article') {
      typeAhead.current = ''; // keys typed before an article that never opened go nowhere else
      return;
    }
    setJustTrashed(null); // the list's Undo notice is for the moment after the trashing
    client.invoke('articles.get', { id: route.id }).then(setArticle, (e: Error) => setError(e.message));
  }, [client, route]);

  const newArticle = useCallback(async () => {
    setCreating(true); // the keyboard goes to the type-ahead at once, not to the button
    try {
      const a = await client.invoke('articles.create', {});
      await go({ view: 'article', id: a.id });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setCreating(false);
    }
  }, [client, go]);

  // The newsroom server: the status line, the queue and the open article follow what arrives.
  const sync = useSync(client);
  const [joining, setJoining] = useState(false);
  const openArticleId = route.view === 'article' ? route.id : null;
  useEffect(() => {
    client.invoke('sync.editing', { articleId: openArticleId }).catch(() => undefined);
  }, [client, openArticleId, sync?.state]);
  const editing = sync?.editing ?? [];

  // Long jobs: the store thread's (progress events) and the import's first half, run by the page.
  const { shownJob, cancelling, runSteps } = useJobs(client);

  const reportFailure = useCallback((e: unknown, on?: Route) => {
    if (wasCancelled(e)) setNotice(e.message, on);
    else setError((e as Error).message, on);
  }, []);

  const backup = useCallback(async () => {
    try {
      await flushEditor.current?.();
      const r = await client.invoke('store.backup', {});
      if (r.path) setNotice(`Backed up ${r.articles} articles and ${r.assets} images to ${r.path}`);
    } catch (e) {
      reportFailure(e);
    }
  }, [client]);

  /**
   * Each file is read and checked on its own (one bad file is reported, the others still come in),
   * then all are stored at once, so Cancel at any point stores nothing. A `.byline` package
   * continues an article's history; other files are imported as new articles.
   */
  const importFiles = useCallback(
    async (files: File[]) => {
      const batch = crypto.randomUUID();
      const failed: string[] = [];
      const cancelled = await runSteps('import', 'files', files.length, async (i) => {
        const file = files[i]!;
        try {
          // Checked before reading: a file far too large would otherwise be read whole into the page.
          if (file.size > MAX_IMPORT_FILE_BYTES) {
            throw new Error(
              `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; files to import may be at most ${MAX_IMPORT_FILE_BYTES / 1048576} MB. Nothing was stored.`,
            );
          }
          await client.invoke('imports.stage', { batch, fileName: file.name, dataBase64: await fileToBase64(file) });
        } catch (e) {
          failed.push((e as Error).message);
        }
      });
      if (cancelled) {
        await client.invoke('imports.discard', { batch }).catch(() => undefined);
        setNotice('The import was cancelled; nothing from it was stored.');
        return;
      }
      let result: ImportBatchResult;
      try {
        result = await client.invoke('imports.commit', { batch });
      } catch (e) {
        reportFailure(e);
        return;
      }
      failed.push(...result.refused.map((r) => r.error.message));
      const done: { id: string; headline: string }[] = [];
      const lines: string[] = [];
      let opened: string | null = null;
      for (const r of result.imported) {
        if (r.handoff) {
          lines.push(`Opened ${r.fileName}: “${r.headline || 'untitled'}” ${describeHandoff(r.handoff)}.`);
          opened = r.id;
        } else {
          done.push({ id: r.id, headline: r.headline || r.fileName });
          lines.push(...r.warnings.map((w) => `${r.fileName}: ${w}`));
        }
      }
      if (done.length)
        lines.unshift(
          `Imported ${done.length} article${done.length === 1 ? '' : 's'}: ${done.map((d) => d.headline).join(', ')}`,
        );
      // One file in, one article: it opens, to be read and checked. Several: the list shows them.
      const only = files.length === 1 ? (opened ?? done[0]?.id) : undefined;
      const target: Route = only ? { view: 'article', id: only } : { view: 'list' };
      if (lines.length) setNotice(lines.join('\n'), target);
      setError(failed.length ? failed.join('\n') : null, target);
      setListVersion((v) => v + 1);
      if (only || done.length || opened) await go(target);
    },
    [client, go, runSteps],
  );

  const sendForReview = useCallback(async () => {
    if (route.view !== 'article') {
      setError('Open an article to send it for review.');
      return;
    }
    try {
      await flushEditor.current?.();
      const r = await client.invoke('articles.pack', { id: route.id });
      if (r.path) {
        const downloaded = offerDownload(r.path) ? ' Your browser downloads it as well.' : '';
        setNotice(
          `Package for review written to ${r.path}\nSend this file to the desk; they open it with File → Import or Open or by dropping it on the article list.${downloaded}`,
        );
      }
    } catch (e) {
      setError((e as Error).message);
    }
  }, [client, route]);

  const [exportRequest, setExportRequest] = useState(0);
  useEffect(
    () =>
      client.onMenuCommand((command) => {
        if (command === 'new-article') void newArticle();
        else if (command === 'show-list') void go({ view: 'list' });
        else if (command === 'show-trash') void go({ view: 'trash' });
        else if (command === 'show-photos') void go({ view: 'photos' });
        else if (command === 'backup') void backup();
        else if (command === 'save-now') void flushEditor.current?.();
        else if (command === 'import') importInput.current?.click();
        else if (command === 'send-for-review') void sendForReview();
        else if (command === 'export') {
          if (route.view === 'article') setExportRequest((n) => n + 1);
          else setError('Open an article to export it.');
        }
      }),
    [client, newArticle, go, backup, route, sendForReview],
  );

  const registerFlush = useCallback((fn: (() => Promise<void>) | null) => {
    flushEditor.current = fn;
  }, []);

  return (
    <div className="app" data-ready={info ? 'true' : 'false'}>
      {errorMessage?.on === here.current ? (
        <Banner kind="error" message={errorMessage.text} onDismiss={() => setError(null)} />
      ) : null}
      {noticeMessage?.on === here.current ? (
        <Banner kind="notice" message={noticeMessage.text} onDismiss={() => setNotice(null)} />
      ) : null}
      {shownJob ? <JobBar job={shownJob} cancelling={cancelling} /> : null}
      <HiddenFileInput
        ref={importInput}
        accept=".byline,.json,.xml,.nitf,.html,.htm,.md,.markdown,.txt,.docx"
        label="Open or import files"
        testId="import-input"
        onFiles={(files) => void importFiles(files)}
      />
      {info && route.view !== 'article' && (!info.profile || editingProfile) ? (
        <ProfileForm
          profile={info.profile}
          fallback={info.actor}
          onCancel={info.profile ? () => setEditingProfile(false) : undefined}
          onSave={async (profile) => {
            await client.invoke('profile.set', profile);
            setInfo(await client.invoke('app.info', {}));
            setEditingProfile(false);
          }}
        />
      ) : null}
      {joining ? (
        <ServerSignIn
          url={sync?.url ?? null}
          onCancel={() => setJoining(false)}
          onSignIn={async (url, account, password) => {
            await client.invoke('sync.signIn', { url, account, password });
            // A machine without a profile takes the account's name for its saves.
            setInfo(await client.invoke('app.info', {}));
            setJoining(false);
            setNotice(
              `Signed in to ${url} as ${account}. Changes made here go out whenever the server can be reached.`,
            );
          }}
        />
      ) : null}
      {info?.mode === 'browser' ? <p className="mode-note">Browser mode · {info.dbPath}</p> : null}
      {creating || (route.view === 'article' && !(article && info)) ? (
        // One element for both waits (creating, then loading), so the type-ahead keeps its keys.
        <p className="loading">
          Opening… <TypeAhead into={typeAhead} />
        </p>
      ) : route.view === 'article' && article && info ? (
        <ArticleEditor
          key={article.id}
          takeTypeAhead={takeTypeAhead}
          client={client}
          article={article}
          houseStyle={info.houseStyle}
          registerFlush={registerFlush}
          onSendForReview={() => void sendForReview()}
          exportRequest={exportRequest}
          remote={sync ? { generation: sync.generation, changed: sync.changed } : null}
          editingBy={editing.filter((e) => e.articleId === article.id).map((e) => e.name)}
          refusedBy={(sync?.refused ?? []).filter((r) => r.articleId === article.id).map((r) => r.reason)}
          assignable={!!sync && sync.state !== 'signed-out'}
          onClose={() => void go({ view: 'list' })}
          onTrashed={(t) => {
            setJustTrashed(t);
            void go({ view: 'list' });
          }}
        />
      ) : route.view === 'photos' ? (
        <PhotoDesk
          client={client}
          houseStyle={info?.houseStyle ?? DEFAULT_HOUSE_STYLE}
          onOpen={(id) => void go({ view: 'article', id })}
          onBack={() => void go({ view: 'list' })}
          onNotice={setNotice}
          onError={setError}
        />
      ) : (
        <ArticleList
          key={listVersion}
          refresh={sync?.generation ?? 0}
          editing={editing}
          client={client}
          houseStyle={info?.houseStyle ?? DEFAULT_HOUSE_STYLE}
          onImport={() => importInput.current?.click()}
          onDropFiles={(files) => void importFiles(files)}
          trashed={route.view === 'trash'}
          justTrashed={justTrashed}
          onOpen={(id) => void go({ view: 'article', id })}
          onNew={() => void newArticle()}
          onShowTrash={(show) => void go({ view: show ? 'trash' : 'list' })}
          onShowPhotos={() => void go({ view: 'photos' })}
          onError={setError}
        />
      )}
      {info ? (
        <footer className="app-footer">
          <button type="button" onClick={() => void backup()}>
            Back up now
          </button>
          <span>
            Changes recorded as {info.actor}{' '}
            <button type="button" className="link" onClick={() => setEditingProfile(true)}>
              Profile…
            </button>
          </span>
          {sync ? (
            <SyncStatusLine
              status={sync}
              onJoin={() => setJoining(true)}
              onSyncNow={() => void client.invoke('sync.now', {}).catch((e: Error) => setError(e.message))}
              onSignOut={() => void client.invoke('sync.signOut', {}).catch((e: Error) => setError(e.message))}
            />
          ) : null}
          <span>Byline {info.version}</span>
        </footer>
      ) : null}
    </div>
  );
}
