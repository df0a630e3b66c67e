import { useState } from 'react';
import type { HouseStyle, Status } from '../../shared/houseStyle';
import { stepButtons, statusOf } from '../../shared/workflow';

interface Props {
  status: string;
  houseStyle: HouseStyle;
  /** Open comment threads: an approval asks first when the house style warns about them. */
  openComments: number;
  /** Asks the main process to move the article; it decides, and a refusal comes back as an error. */
  onMove(to: string, reason?: string): Promise<void>;
  /** A reason or confirmation form closed: the keyboard goes back to the text. */
  onDone?(): void;
}

const actionOf = (s: Status) => s.action ?? s.label;

/**
 * The article's status as a badge and the steps the house style allows from it, as verbs; steps
 * that take an article out of the flow (spike) stand apart. A step that needs a reason asks for
 * one with the box focused; an approval with open comments asks first.
 */
export function StatusControl({ status, houseStyle, openComments, onMove, onDone }: Props) {
  const [asking, setAsking] = useState<{ status: Status; kind: 'reason' | 'confirm' } | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const current = statusOf(houseStyle, status);
  const move = async (to: string, why?: string) => {
    setBusy(true);
    try {
      await onMove(to, why);
      if (asking) onDone?.();
      setAsking(null);
      setReason('');
    } finally {
      setBusy(false);
    }
  };
  /** The reason or confirmation closed without a step: the keyboard goes back to the text. */
  const cancel = () => {
    setAsking(null);
    onDone?.();
  };
  const start = (s: Status) => {
    if (s.reasonRequired) setAsking({ status: s, kind: 'reason' });
    else if (s.approval && openComments > 0 && houseStyle.workflow.openComments === 'warn')
      setAsking({ status: s, kind: 'confirm' });
    else void move(s.id);
  };
  const steps = stepButtons(houseStyle, status);
  const button = (s: Status) => (
    <button
      key={s.id}
      type="button"
      className={s.destructive ? 'danger' : undefined}
      disabled={busy}
      title={busy ? 'A step is being made' : undefined}
      onClick={() => start(s)}
    >
      {actionOf(s)}
    </button>
  );
  return (
    <section className="status-control" aria-label="Status">
      <p className="status-line">
        Status:{' '}
        <strong data-testid="status" className={`status-badge status-${status}`}>
          {current?.label ?? status}
        </strong>
      </p>
      <div role="group" aria-label="Move to" className="status-steps">
        {steps.filter((s) => !s.destructive).map(button)}
        {steps.some((s) => s.destructive) ? (
          <span className="status-steps-apart">{steps.filter((s) => s.destructive).map(button)}</span>
        ) : null}
      </div>
      {asking?.kind === 'reason' ? (
        <form
          aria-label={`Reason for ${asking.status.label}`}
          onSubmit={(e) => {
            e.preventDefault();
            void move(asking.status.id, reason);
          }}
          onKeyDown={(e) => e.key === 'Escape' && cancel()}
        >
          <label>
            Reason
            <textarea autoFocus value={reason} required onChange={(e) => setReason(e.target.value)} />
          </label>
          <button
            type="submit"
            className="primary"
            disabled={busy || !reason.trim()}
            title={reason.trim() ? undefined : 'Write the reason first'}
          >
            {actionOf(asking.status).replace(/…$/, '')}
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </form>
      ) : null}
      {asking?.kind === 'confirm' ? (
        <div role="alertdialog" aria-label={`${actionOf(asking.status)} with open comments`} className="status-confirm">
          <p>
            {openComments} comment{openComments === 1 ? ' is' : 's are'} still open. {actionOf(asking.status)} anyway?
          </p>
          <button
            type="button"
            className="primary"
            autoFocus
            disabled={busy}
            onClick={() => void move(asking.status.id)}
          >
            {actionOf(asking.status)} anyway
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : null}
    </section>
  );
}
