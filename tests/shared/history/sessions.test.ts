import { describe, expect, it } from 'vitest';
import { historyEntries } from '../../../src/shared/history/sessions';
import type { RevisionInfo } from '../../../src/shared/model/storeReports';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 9, minute)).toISOString();
const rev = (revision: number, minute: number, savedBy: string, status = 'draft', note = ''): RevisionInfo => ({
  revision,
  savedAt: at(minute),
  savedBy,
  status,
  headline: '',
  note,
});

describe('historyEntries', () => {
  it('reads 25 autosaves in 7 minutes as one session, with the revisions it spans', () => {
    const revisions = Array.from({ length: 25 }, (_, i) => rev(i + 1, Math.floor((i * 7) / 25), 'Anna Muster (am)'));
    expect(historyEntries(revisions)).toEqual([
      { kind: 'session', who: 'Anna Muster (am)', from: at(0), to: at(6), before: 0, first: 1, last: 25, saves: 25 },
    ]);
  });

  it('starts a new session after a pause, or when another person saves', () => {
    const entries = historyEntries([
      rev(1, 0, 'am'),
      rev(2, 5, 'am'),
      rev(3, 30, 'am'),
      rev(4, 31, 'bs'),
      rev(5, 32, 'am'),
    ]);
    expect(entries.map((e) => (e.kind === 'session' ? [e.who, e.first, e.last] : e.kind))).toEqual([
      ['am', 5, 5],
      ['bs', 4, 4],
      ['am', 3, 3],
      ['am', 1, 2],
    ]);
  });

  it('lets status steps and notes stand apart, and a session go on after them as a new one', () => {
    const entries = historyEntries([
      rev(1, 0, 'am'),
      rev(2, 1, 'am'),
      rev(3, 2, 'am', 'submitted'),
      rev(4, 3, 'am', 'submitted'),
      rev(5, 4, 'bs', 'submitted', 'restored revision 2'),
    ]);
    expect(entries).toEqual([
      { kind: 'step', who: 'bs', at: at(4), revision: 5, before: 4, status: 'submitted', note: 'restored revision 2' },
      { kind: 'session', who: 'am', from: at(3), to: at(3), before: 3, first: 4, last: 4, saves: 1 },
      { kind: 'step', who: 'am', at: at(2), revision: 3, before: 2, status: 'submitted', note: '' },
      { kind: 'session', who: 'am', from: at(0), to: at(1), before: 0, first: 1, last: 2, saves: 2 },
    ]);
  });

  it('takes revisions in any order', () => {
    const list = [rev(1, 0, 'am'), rev(2, 1, 'am'), rev(3, 2, 'am')];
    expect(historyEntries([...list].reverse())).toEqual(historyEntries(list));
  });

  it('lets a named version stand out from the session around it', () => {
    const named = { ...rev(2, 1, 'am'), name: 'Printausgabe' };
    expect(
      historyEntries([rev(1, 0, 'am'), named, rev(3, 2, 'am')]).map((e) =>
        e.kind === 'step' ? `step ${e.revision} ${e.name}` : `session ${e.first}-${e.last}`,
      ),
    ).toEqual(['session 3-3', 'step 2 Printausgabe', 'session 1-1']);
  });
});
