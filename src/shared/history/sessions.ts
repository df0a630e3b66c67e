import type { RevisionInfo } from '../model/storeReports';

/**
 * History as people remember it: editing sessions, not autosave ticks. Revisions stay as they
 * were saved (a revision another machine has seen never changes); the grouping is only how they
 * are shown, so it reads the same on every machine that holds the same revisions.
 */
export type HistoryEntry =
  | {
      kind: 'session';
      who: string;
      from: string;
      to: string;
      /** The revision before the session (0 for the article's first one) and the session's last. */
      before: number;
      first: number;
      last: number;
      saves: number;
    }
  | {
      kind: 'step';
      who: string;
      at: string;
      revision: number;
      before: number;
      status: string;
      note: string;
      name?: string;
    };

/** An entry with the words it added and removed, as the history lists it. */
export type HistoryEntryWithWords = HistoryEntry & { words: { added: number; removed: number } };

/** The revision an entry ends with: what its changes lead up to. */
export const lastRevision = (e: HistoryEntry) => (e.kind === 'session' ? e.last : e.revision);

/** How long a pause ends a session. */
export const SESSION_PAUSE_MS = 10 * 60 * 1000;

/**
 * Groups revisions (any order) into entries, newest first: consecutive saves by the same person
 * with no pause longer than `pauseMs` form a session; a status step, a named version, or a save
 * with a note (a restore, an edit that reopened an approved article) stands alone.
 */
export function historyEntries(revisions: readonly RevisionInfo[], pauseMs = SESSION_PAUSE_MS): HistoryEntry[] {
  const ordered = [...revisions].sort((a, b) => a.revision - b.revision);
  const entries: HistoryEntry[] = [];
  ordered.forEach((r, i) => {
    const prev = ordered[i - 1];
    const before = prev?.revision ?? 0;
    if ((prev && prev.status !== r.status) || r.note || r.name) {
      entries.push({
        kind: 'step',
        who: r.savedBy,
        at: r.savedAt,
        revision: r.revision,
        before,
        status: r.status,
        note: r.note,
        ...(r.name ? { name: r.name } : {}),
      });
      return;
    }
    const open = entries.at(-1);
    if (
      open?.kind === 'session' &&
      open.who === r.savedBy &&
      open.last === before &&
      Date.parse(r.savedAt) - Date.parse(open.to) <= pauseMs
    ) {
      open.to = r.savedAt;
      open.last = r.revision;
      open.saves += 1;
      return;
    }
    entries.push({
      kind: 'session',
      who: r.savedBy,
      from: r.savedAt,
      to: r.savedAt,
      before,
      first: r.revision,
      last: r.revision,
      saves: 1,
    });
  });
  return entries.reverse();
}
