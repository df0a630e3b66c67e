import { useEffect, useState } from 'react';
import type { Colleague } from '../../shared/server/api';
import type { Client } from '../api/client';

interface Props {
  client: Client;
  articleId: string;
  onDone(message: string): void;
  onClose(): void;
}

/**
 * The desk assigns the article to colleagues on the newsroom server (and may move it to a desk);
 * whoever it reaches gets the article with its whole history on their next sync.
 */
export function AssignForm({ client, articleId, onDone, onClose }: Props) {
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [desk, setDesk] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    client.invoke('sync.colleagues', {}).then(setColleagues, (e: Error) => setProblem(e.message));
  }, [client]);
  const desks = [...new Set((colleagues ?? []).flatMap((c) => c.desks))].sort();
  const toggle = (name: string) =>
    setChosen((now) => (now.includes(name) ? now.filter((n) => n !== name) : [...now, name]));
  return (
    <form
      className="assign-form"
      aria-label="Assign the article"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(null);
        setBusy(true);
        client
          .invoke('sync.assign', { articleId, assignedTo: chosen, ...(desk ? { desk } : {}) })
          .then((r) =>
            onDone(`Assigned to ${r.assigned.join(', ') || 'nobody'}${r.desk ? ` on the ${r.desk} desk` : ''}.`),
          )
          .catch((err: Error) => setProblem(err.message))
          .finally(() => setBusy(false));
      }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {colleagues === null && !problem ? <p>Asking the newsroom server who works there…</p> : null}
      {colleagues ? (
        <fieldset>
          <legend>Assign to</legend>
          {colleagues.map((c, i) => (
            <label key={c.name}>
              <input
                type="checkbox"
                autoFocus={i === 0}
                checked={chosen.includes(c.name)}
                onChange={() => toggle(c.name)}
              />
              {c.name} ({c.initials}, {c.role}
              {c.desks.length ? `, ${c.desks.join(', ')}` : ''})
            </label>
          ))}
        </fieldset>
      ) : null}
      {desks.length ? (
        <label>
          Desk
          <select value={desk} onChange={(e) => setDesk(e.target.value)}>
            <option value="">Leave as it is</option>
            {desks.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {problem ? <p role="alert">{problem}</p> : null}
      <button type="submit" className="primary" disabled={busy || !colleagues || (!chosen.length && !desk)}>
        {busy ? 'Assigning…' : 'Assign'}
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </form>
  );
}
