import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/model/syncStatus';
import type { Client } from '../api/client';

/** Where this machine stands with the newsroom server: asked once, then told of every change. */
export function useSync(client: Client): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let heard = false;
    const stop = client.onSync((s) => {
      heard = true;
      setStatus(s);
    });
    client.invoke('sync.status', {}).then(
      (s) => {
        if (!heard) setStatus(s);
      },
      () => undefined,
    );
    return stop;
  }, [client]);
  return status;
}
