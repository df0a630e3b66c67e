/** What the status line shows. */
export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string; code: string };

export interface AutosaveOptions {
  /** Quiet time after the last change before saving. */
  delayMs: number;
  /** Saves the editor's current content; resolves with the saved time. Rejections keep the change pending. */
  save(): Promise<string>;
  onState(state: SaveState): void;
}

/**
 * Saves a while after typing stops, and at once when asked (blur, Ctrl+S, leaving the article).
 * Never runs two saves at a time, and a change made during a save is saved after it: the editor's
 * text is only reported saved when the store has acknowledged exactly that text.
 */
export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  /** Set by a conflict: saving waits until the person has chosen (resume). */
  private held = false;
  private reportedDirty = false;
  /** After a save that could not reach the store: the next try waits this long (doubling, at most 15 s). */
  private retryMs = 0;

  constructor(private readonly options: AutosaveOptions) {}

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  get isHeld(): boolean {
    return this.held;
  }

  changed(): void {
    this.dirty = true;
    if (this.held) return; // the conflict message stays up; the text stays unsaved
    // Reported once per change of state, not per keystroke, so typing does not re-render the view.
    if (!this.reportedDirty) this.options.onState({ kind: 'dirty' });
    this.reportedDirty = true;
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs);
  }

  /** Saves now if anything is pending; resolves when the store holds the latest text (or a save failed). */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.held) return;
    if (this.inFlight) {
      await this.inFlight;
      if (this.dirty) return this.flush();
      return;
    }
    if (!this.dirty) return;
    this.dirty = false;
    this.reportedDirty = false;
    this.options.onState({ kind: 'saving' });
    this.inFlight = this.options.save().then(
      (at) => {
        this.inFlight = null;
        this.retryMs = 0;
        if (this.dirty) this.changed();
        else this.options.onState({ kind: 'saved', at });
      },
      (error: unknown) => {
        this.inFlight = null;
        this.dirty = true; // the text is still unsaved; it stays in the editor
        const e = error as { message?: string; code?: string };
        // Retrying a conflict can only fail again: hold until the person chooses.
        if (e?.code === 'conflict') this.held = true;
        this.options.onState({ kind: 'error', message: e?.message ?? String(error), code: e?.code ?? 'internal' });
        // The store could not be reached (browser mode's server restarting): try again by itself,
        // so the text is saved once it is back without the person typing again.
        if (e?.code === 'io') {
          this.retryMs = Math.min(this.retryMs ? this.retryMs * 2 : 1000, 15_000);
          this.clearTimer();
          this.timer = setTimeout(() => void this.flush(), this.retryMs);
        }
      },
    );
    return this.inFlight;
  }

  /** After a conflict: the person chose; saving may go on. */
  resume(): void {
    this.held = false;
  }

  /** Forgets pending changes (the person chose to take the stored version instead). */
  discard(): void {
    this.clearTimer();
    this.dirty = false;
    this.held = false;
  }

  dispose(): void {
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
