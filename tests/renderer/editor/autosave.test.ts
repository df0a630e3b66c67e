import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveState } from '../../../src/renderer/editor/autosave';

/** A stand-in for the store's acknowledgement that the test resolves by hand, to order events. */
function deferredSaves() {
  const calls: { text: string; resolve: (at: string) => void; reject: (e: unknown) => void }[] = [];
  let current = '';
  return {
    calls,
    set text(t: string) {
      current = t;
    },
    save: () => new Promise<string>((resolve, reject) => calls.push({ text: current, resolve, reject })),
  };
}

let states: SaveState['kind'][];
beforeEach(() => {
  vi.useFakeTimers();
  states = [];
});
afterEach(() => vi.useRealTimers());

describe('Autosaver', () => {
  it('saves once, a second after typing stops', async () => {
    const store = deferredSaves();
    const saver = new Autosaver({ delayMs: 1000, save: store.save, onState: (s) => states.push(s.kind) });
    for (const t of ['D', 'Di', 'Die']) {
      store.text = t;
      saver.changed();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(store.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.calls.map((c) => c.text)).toEqual(['Die']);
    store.calls[0]!.resolve('2026-11-25T10:00:00.000Z');
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toBe('saved');
    expect(saver.hasUnsavedChanges).toBe(false);
  });

  it('never runs two saves at once, and saves what was typed during a save', async () => {
    const store = deferredSaves();
    const saver = new Autosaver({ delayMs: 1000, save: store.save, onState: (s) => states.push(s.kind) });
    store.text = 'eins';
    saver.changed();
    void saver.flush();
    store.text = 'eins zwei';
    saver.changed();
    const second = saver.flush(); // waits for the first save, then saves the newer text
    expect(store.calls).toHaveLength(1);
    store.calls[0]!.resolve('t1');
    await vi.advanceTimersByTimeAsync(0);
    expect(store.calls.map((c) => c.text)).toEqual(['eins', 'eins zwei']);
    expect(states.at(-1)).toBe('saving'); // not "saved" while newer text is unacknowledged
    store.calls[1]!.resolve('t2');
    await second;
    expect(states.at(-1)).toBe('saved');
  });

  it('keeps the change pending after a failure and reports the error', async () => {
    const store = deferredSaves();
    const seen: SaveState[] = [];
    const saver = new Autosaver({ delayMs: 1000, save: store.save, onState: (s) => seen.push(s) });
    store.text = 'wichtig';
    saver.changed();
    const flushed = saver.flush();
    store.calls[0]!.reject(Object.assign(new Error('The disk is full'), { code: 'disk-full' }));
    await flushed;
    expect(seen.at(-1)).toEqual({ kind: 'error', message: 'The disk is full', code: 'disk-full' });
    expect(saver.hasUnsavedChanges).toBe(true);
    const retry = saver.flush();
    expect(store.calls.map((c) => c.text)).toEqual(['wichtig', 'wichtig']);
    store.calls[1]!.resolve('t');
    await retry;
    expect(seen.at(-1)).toEqual({ kind: 'saved', at: 't' });
  });

  it('holds after a conflict: no retries until the person chooses, and the error stays shown', async () => {
    const store = deferredSaves();
    const seen: SaveState[] = [];
    const saver = new Autosaver({ delayMs: 1000, save: store.save, onState: (s) => seen.push(s) });
    store.text = 'meins';
    saver.changed();
    const first = saver.flush();
    store.calls[0]!.reject(Object.assign(new Error('Conflict: ben saved revision 3'), { code: 'conflict' }));
    await first;
    expect(saver.isHeld).toBe(true);
    saver.changed(); // typing on
    await saver.flush(); // a blur
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls).toHaveLength(1);
    expect(seen.at(-1)).toMatchObject({ kind: 'error', code: 'conflict' });
    expect(saver.hasUnsavedChanges).toBe(true);

    saver.resume(); // "keep mine"
    const kept = saver.flush();
    expect(store.calls).toHaveLength(2);
    store.calls[1]!.resolve('t');
    await kept;
    expect(seen.at(-1)).toEqual({ kind: 'saved', at: 't' });
  });

  it('tries again by itself, waiting longer each time, while the store cannot be reached', async () => {
    const store = deferredSaves();
    const saver = new Autosaver({ delayMs: 1000, save: store.save, onState: (s) => states.push(s.kind) });
    store.text = 'Offline getippt';
    saver.changed();
    await vi.advanceTimersByTimeAsync(1000);
    store.calls[0]!.reject(Object.assign(new Error('Cannot reach Byline'), { code: 'io' }));
    await vi.advanceTimersByTimeAsync(999);
    expect(store.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.calls).toHaveLength(2);
    store.calls[1]!.reject(Object.assign(new Error('Cannot reach Byline'), { code: 'io' }));
    await vi.advanceTimersByTimeAsync(1999);
    expect(store.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.calls.map((c) => c.text)).toEqual(['Offline getippt', 'Offline getippt', 'Offline getippt']);
    store.calls[2]!.resolve('2026-11-25T10:00:00.000Z');
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toBe('saved');
    // Other errors (a refusal) are not retried: the person has to act.
    saver.changed();
    await vi.advanceTimersByTimeAsync(1000);
    store.calls[3]!.reject(Object.assign(new Error('invalid'), { code: 'invalid-input' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(store.calls).toHaveLength(4);
  });
});
