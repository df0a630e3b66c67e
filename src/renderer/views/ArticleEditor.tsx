import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article } from '../../shared/model/article';
import { directionOf } from '../../shared/format/direction';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Client } from '../api/client';
import { Autosaver, type SaveState } from '../editor/autosave';
import { BodyEditor } from '../editor/BodyEditor';
import { bodyToSlate, slateToBody } from '../editor/convert';
import type { BlockElement } from '../editor/schema';

interface Props {
  client: Client;
  article: Article;
  houseStyle: HouseStyle;
  onClose(): void;
  onExport(): void;
  onTrashed(): void;
  /** Lets the app ask for a save before it navigates or closes. */
  registerFlush(flush: (() => Promise<void>) | null): void;
}

const AUTOSAVE_DELAY_MS = 1000;

function describe(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return state.at ? `Saved ${new Date(state.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : 'Saved';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${state.message}`;
  }
}

function LengthMeter({ value, limit, id }: { value: string; limit: number; id: string }) {
  const length = Array.from(value).length;
  return (
    <span id={id} className={length > limit ? 'meter over' : 'meter'} aria-live="off">
      {length}/{limit}
    </span>
  );
}

export function ArticleEditor({ client, article, houseStyle, onClose, onExport, onTrashed, registerFlush }: Props) {
  const [headline, setHeadline] = useState(article.headline);
  const [teaser, setTeaser] = useState(article.teaser);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: article.updatedAt });
  const initialBody = useMemo(() => bodyToSlate(article.body), [article]);

  // The live content lives in refs so the saver always sends the latest text.
  const base = useRef(article);
  const live = useRef({ headline: article.headline, teaser: article.teaser, body: initialBody });
  const teaserRef = useRef<HTMLTextAreaElement>(null);

  const saver = useMemo(
    () =>
      new Autosaver({
        delayMs: AUTOSAVE_DELAY_MS,
        onState: setState,
        save: async () => {
          const { headline: h, teaser: t, body } = live.current;
          const { article: saved } = await client.invoke('articles.save', {
            article: { ...base.current, headline: h, teaser: t, body: slateToBody(body) },
          });
          base.current = saved;
          return saved.updatedAt;
        },
      }),
    [client],
  );

  useEffect(() => {
    const flush = () => saver.flush();
    registerFlush(flush);
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
      void saver.flush();
      saver.dispose();
    };
  }, [saver, registerFlush]);

  const onBodyChange = useCallback(
    (body: BlockElement[]) => {
      live.current.body = body;
      saver.changed();
    },
    [saver],
  );
  const flushNow = useCallback(() => void saver.flush(), [saver]);
  const editField = (field: 'headline' | 'teaser', set: (v: string) => void) => (value: string) => {
    set(value);
    live.current[field] = value;
    saver.changed();
  };
  const onHeadline = editField('headline', setHeadline);
  const onTeaser = editField('teaser', setTeaser);

  const trash = async () => {
    await saver.flush();
    await client.invoke('articles.trash', { id: article.id });
    onTrashed();
  };

  const dir = directionOf(article.language);
  return (
    <main className="editor" lang={article.language} dir={dir}>
      <div className="toolbar" dir="ltr">
        <button type="button" onClick={onClose}>
          ← Articles
        </button>
        <span role="status" aria-live="polite" className={`save-state ${state.kind}`} data-testid="save-state">
          {describe(state)}
        </span>
        <button type="button" onClick={flushNow} title="Save now (Ctrl+S)">
          Save
        </button>
        <button type="button" onClick={onExport}>
          Export…
        </button>
        <button type="button" className="danger" onClick={() => void trash()}>
          Move to trash
        </button>
      </div>
      <div className="field">
        <label htmlFor="headline">Headline</label>
        <input
          id="headline"
          dir="auto"
          value={headline}
          aria-describedby="headline-meter"
          onChange={(e) => onHeadline(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              teaserRef.current?.focus();
            }
          }}
          onBlur={flushNow}
        />
        <LengthMeter id="headline-meter" value={headline} limit={houseStyle.limits.headline} />
      </div>
      <div className="field">
        <label htmlFor="teaser">Teaser</label>
        <textarea
          id="teaser"
          ref={teaserRef}
          dir="auto"
          rows={3}
          value={teaser}
          aria-describedby="teaser-meter"
          onChange={(e) => onTeaser(e.target.value)}
          onBlur={flushNow}
        />
        <LengthMeter id="teaser-meter" value={teaser} limit={houseStyle.limits.teaser} />
      </div>
      <div className="field">
        <span className="label" id="body-label">
          Body
        </span>
        <BodyEditor initialValue={initialBody} language={article.language} onChange={onBodyChange} onBlur={flushNow} />
      </div>
    </main>
  );
}
