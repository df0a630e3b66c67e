import type { JournalMark } from '../../shared/model/journal';

function newSession(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface TypingJournalOptions {
  intervalMs: number;
  /** Sends the editor's text now, with the mark it was taken at. */
  send(mark: JournalMark): void;
}

/**
 * The editor's side of the typing journal (store/journal.ts): every change counts, the text goes
 * to the store at most once per interval, and each save carries the mark it was taken at, so the
 * store clears every entry that save covers. Held while a recovered text waits for the person's
 * choice, so that text is not overwritten.
 */
export class TypingJournal {
  readonly session = newSession();
  private seq = 0;
  /** The last change the store has acknowledged as saved. */
  private savedSeq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private held = false;

  constructor(private readonly options: TypingJournalOptions) {}

  /** How far the editor has got: what a save or a journal write taken now covers. */
  mark(): JournalMark {
    return { session: this.session, seq: this.seq };
  }

  changed(): void {
    this.seq += 1;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.held && this.seq > this.savedSeq) this.options.send(this.mark());
    }, this.options.intervalMs);
  }

  /** A save taken at `mark` is in the store (or the person chose to drop what was typed). */
  saved(mark: JournalMark): void {
    this.savedSeq = Math.max(this.savedSeq, mark.seq);
  }

  hold(held: boolean): void {
    this.held = held;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
