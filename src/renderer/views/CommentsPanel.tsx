import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeAnchor, type CommentThread, type NewAnchor } from '../../shared/model/comment';

/** A place a comment can go, as the form offers it. */
export interface CommentTarget {
  label: string;
  anchor: NewAnchor;
}

interface Props {
  threads: CommentThread[];
  /** Where a new comment can go: the selected words first (if any), then fields and images. */
  targets: CommentTarget[];
  onAdd(anchor: NewAnchor, body: string): Promise<void>;
  onReply(threadId: string, body: string): Promise<void>;
  onResolve(threadId: string, resolved: boolean): Promise<void>;
  /** Moves the caret to the commented words and scrolls them into view. */
  onShow(thread: CommentThread): void;
  /** Bumped each time the panel is asked for (Ctrl+Alt+M, the Comments button): the comment box takes the keyboard. */
  focusRequest: number;
  /** Gives the keyboard back to the text where it was (Escape, or after posting). */
  onReturnToText(): void;
}

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

function ReplyForm({ onReply }: { onReply(body: string): Promise<void> }) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) void onReply(text).then(() => setText(''));
  };
  return (
    <form className="reply-form" aria-label="Reply" onSubmit={submit}>
      <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Reply…" aria-label="Reply text" />
      <button type="submit" disabled={!text.trim()} title={text.trim() ? undefined : 'Write the reply first'}>
        Reply
      </button>
    </form>
  );
}

function Thread({
  thread,
  onReply,
  onResolve,
  onShow,
}: { thread: CommentThread } & Pick<Props, 'onReply' | 'onResolve' | 'onShow'>) {
  const place = describeAnchor(thread.anchor);
  return (
    <article className={`comment-thread${thread.resolvedAt ? ' resolved' : ''}`} aria-label={`Comment on ${place}`}>
      <button
        type="button"
        className="link comment-place"
        onClick={() => onShow(thread)}
        disabled={thread.detached || thread.anchor?.kind !== 'text'}
        title={
          thread.detached
            ? 'The words this comment was on have been removed'
            : thread.anchor?.kind !== 'text'
              ? 'This comment is on a whole field or a picture'
              : undefined
        }
      >
        {place}
      </button>
      {thread.detached ? <p className="comment-detached">The text this comment was on has been removed.</p> : null}
      {[thread, ...thread.replies].map((c) => (
        <div key={c.id} className="comment">
          <p className="comment-meta">
            <strong>{c.author}</strong> · <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
          </p>
          <p className="comment-body">{c.body}</p>
        </div>
      ))}
      {thread.resolvedAt ? (
        <p className="comment-meta">
          Resolved by {thread.resolvedBy} · {when(thread.resolvedAt)}{' '}
          <button type="button" onClick={() => void onResolve(thread.id, false)}>
            Reopen
          </button>
        </p>
      ) : (
        <>
          <ReplyForm onReply={(body) => onReply(thread.id, body)} />
          <button type="button" onClick={() => void onResolve(thread.id, true)}>
            Resolve
          </button>
        </>
      )}
    </article>
  );
}

/** The article's comment threads, open ones first, and a form for a new one. */
export function CommentsPanel({
  threads,
  targets,
  onAdd,
  onReply,
  onResolve,
  onShow,
  focusRequest,
  onReturnToText,
}: Props) {
  const [target, setTarget] = useState(0);
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  // The words just selected stay selected in the text, but the keys typed now belong to the comment.
  useEffect(() => {
    setTarget(0);
    box.current?.focus();
  }, [focusRequest]);
  const [showResolved, setShowResolved] = useState(false);
  const open = threads.filter((t) => !t.resolvedAt);
  const resolved = threads.filter((t) => t.resolvedAt);
  const chosen = targets[Math.min(target, targets.length - 1)];
  const post = () => {
    if (!chosen || !text.trim()) return;
    void onAdd(chosen.anchor, text).then(() => {
      setText('');
      onReturnToText();
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post();
  };
  const onBoxKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      post();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onReturnToText();
    }
  };
  return (
    <section className="comments-panel" aria-label="Comments">
      <h2>
        Comments <span className="count">{open.length} open</span>
      </h2>
      <form className="comment-form" aria-label="New comment" onSubmit={submit}>
        <label>
          On
          <select value={Math.min(target, targets.length - 1)} onChange={(e) => setTarget(Number(e.target.value))}>
            {targets.map((t, i) => (
              <option key={i} value={i}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <textarea
          ref={box}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onBoxKey}
          aria-label="Comment"
          aria-keyshortcuts="Control+Enter"
          rows={3}
          placeholder="What should change? (Ctrl+Enter posts, Escape goes back to the text)"
        />
        <button
          type="submit"
          className="primary"
          disabled={!text.trim() || !chosen}
          title={text.trim() ? undefined : 'Write the comment first'}
        >
          Comment
        </button>
      </form>
      {open.length === 0 ? <p className="comments-none">No open comments.</p> : null}
      {open.map((t) => (
        <Thread key={t.id} thread={t} onReply={onReply} onResolve={onResolve} onShow={onShow} />
      ))}
      {resolved.length ? (
        <button type="button" aria-expanded={showResolved} onClick={() => setShowResolved((s) => !s)}>
          {showResolved ? 'Hide' : 'Show'} {resolved.length} resolved
        </button>
      ) : null}
      {showResolved
        ? resolved.map((t) => <Thread key={t.id} thread={t} onReply={onReply} onResolve={onResolve} onShow={onShow} />)
        : null}
    </section>
  );
}
