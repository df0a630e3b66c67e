import { useState } from 'react';
import type { HouseStyle, Status } from '../../shared/houseStyle';
import { nextStatuses, statusOf } from '../../shared/workflow';

interface Props {
  status: string;
  houseStyle: HouseStyle;
  /** Asks the main process to move the article; it decides, and a refusal comes back as an error. */
  onMove(to: string, reason?: string): Promise<void>;
}

/** The article's status and the steps the house style allows from it; a step that needs a reason asks for one. */
export function StatusControl({ status, houseStyle, onMove }: Props) {
  const [asking, setAsking] = useState<Status | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const current = statusOf(houseStyle, status);
  const move = async (to: string, why?: string) => {
    setBusy(true);
    try {
      await onMove(to, why);
      setAsking(null);
      setReason('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="status-control" aria-label="Status">
      <p className="status-line">
        Status: <strong data-testid="status">{current?.label ?? status}</strong>
      </p>
      <div role="group" aria-label="Move to" className="status-steps">
        {nextStatuses(houseStyle, status).map((s) => (
          <button key={s.id} type="button" disabled={busy} onClick={() => (s.reasonRequired ? setAsking(s) : void move(s.id))}>
            {s.label}
          </button>
        ))}
      </div>
      {asking ? (
        <form
          aria-label={`Reason for ${asking.label}`}
          onSubmit={(e) => {
            e.preventDefault();
            void move(asking.id, reason);
          }}
        >
          <label>
            Reason
            <textarea value={reason} required onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy || !reason.trim()}>
            Move to {asking.label}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </form>
      ) : null}
    </section>
  );
}
