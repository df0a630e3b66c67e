import type { SyncStatus } from '../../shared/model/syncStatus';

interface Props {
  status: SyncStatus;
  onJoin(): void;
  onSyncNow(): void;
  onSignOut(): void;
}

const STATE_LABELS: Record<SyncStatus['state'], string> = {
  'signed-out': 'Not connected to a newsroom server',
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
  refused: 'The server no longer accepts this machine: sign in again',
};

function waitingText(n: number): string {
  return n === 0 ? 'nothing waiting' : `${n} change${n === 1 ? '' : 's'} waiting to go out`;
}

/** The status line's newsroom part: online or offline, how many changes wait, when it last synced. */
export function SyncStatusLine({ status, onJoin, onSyncNow, onSignOut }: Props) {
  if (status.state === 'signed-out') {
    return (
      <span className="sync-status" data-state="signed-out">
        {STATE_LABELS['signed-out']}{' '}
        <button type="button" className="link" onClick={onJoin}>
          Join…
        </button>
      </span>
    );
  }
  const last = status.lastSyncedAt ? new Date(status.lastSyncedAt) : null;
  return (
    <span className="sync-status" data-state={status.state} role="status" aria-label="Newsroom server">
      <span className="sync-dot" aria-hidden="true" />
      <strong>{STATE_LABELS[status.state]}</strong>
      {status.state === 'refused' ? null : <span data-testid="sync-waiting"> · {waitingText(status.waiting)}</span>}
      {last ? (
        <span>
          {' '}
          · last synced{' '}
          <time dateTime={status.lastSyncedAt!} title={last.toLocaleString()}>
            {last.toLocaleTimeString()}
          </time>
        </span>
      ) : null}
      <span title={status.url ?? ''}> · {status.account}</span>
      {status.state === 'offline' && status.problem ? (
        <span className="sync-problem" title={status.problem}>
          {' '}
          · the server cannot be reached; your changes stay here
        </span>
      ) : null}
      {status.refused.length ? (
        <span className="sync-problem">
          {' '}
          · {status.refused.length} change{status.refused.length === 1 ? '' : 's'} refused by the server (shown on the
          article)
        </span>
      ) : null}{' '}
      {status.state === 'refused' ? (
        <button type="button" className="link" onClick={onJoin}>
          Sign in…
        </button>
      ) : (
        <button type="button" className="link" onClick={onSyncNow}>
          Sync now
        </button>
      )}{' '}
      <button type="button" className="link" onClick={onSignOut}>
        Sign out
      </button>
    </span>
  );
}
