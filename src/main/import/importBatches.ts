import { BylineError, type ErrorInfo } from '../../shared/errors';
import type { ImportBatchResult } from '../../shared/ipc/contract';
import type { Job } from '../jobs/jobs';
import type { Store } from '../store/store';
import { storeImport, type ImportOutcome, type PreparedImport } from './importIntoStore';

/** The most a batch holds before it is committed: the files the person chose, read and parsed. */
export const MAX_BATCH_BYTES = 1024 * 1024 * 1024;
/** A batch nobody touched for this long was left behind by a closed page and is dropped. */
const ABANDONED_AFTER_MS = 30 * 60 * 1000;

interface Batch {
  files: PreparedImport[];
  bytes: number;
  touchedAt: number;
}

/**
 * Imports of many files, in two halves: each file is read and parsed on its own (`stage`, the
 * slow half, which changes nothing), then all are stored in one transaction (`commit`). A batch
 * cancelled while its files are read is dropped; one cancelled while it is stored rolls back. So a
 * cancelled import leaves the store as it was.
 */
export class ImportBatches {
  private readonly batches = new Map<string, Batch>();

  constructor(private readonly now: () => number = Date.now) {}

  stage(batchId: string, prepared: PreparedImport, bytes: number): void {
    this.dropAbandoned();
    const batch = this.batches.get(batchId) ?? { files: [], bytes: 0, touchedAt: 0 };
    if (batch.bytes + bytes > MAX_BATCH_BYTES) {
      throw new BylineError(
        'invalid-input',
        `${prepared.fileName} was not added: one import may bring in at most ${MAX_BATCH_BYTES / 1073741824} GB of files. Import the rest in a second go.`,
      );
    }
    batch.files.push(prepared);
    batch.bytes += bytes;
    batch.touchedAt = this.now();
    this.batches.set(batchId, batch);
  }

  discard(batchId: string): void {
    this.batches.delete(batchId);
  }

  /**
   * Stores every staged file in one transaction. A file the store refuses (an article changed
   * here since the file was written) is reported and the others are stored; a cancel rolls back
   * all of them.
   */
  commit(store: Store, batchId: string, actor: string, job: Job): ImportBatchResult {
    const files = this.batches.get(batchId)?.files ?? [];
    this.batches.delete(batchId);
    const result: ImportBatchResult = { imported: [], refused: [] };
    storeBatch(store, files, actor, job).forEach((stored, i) => {
      const { fileName } = files[i]!;
      if (stored.ok) result.imported.push({ fileName, ...stored.outcome });
      else result.refused.push({ fileName, error: stored.error });
    });
    return result;
  }

  private dropAbandoned(): void {
    const cutoff = this.now() - ABANDONED_AFTER_MS;
    for (const [id, batch] of this.batches) if (batch.touchedAt < cutoff) this.batches.delete(id);
  }
}

/**
 * Stores prepared files in one transaction. A file the store refuses (an article changed here
 * since the file was written) is reported and the others are stored; a cancel rolls back all.
 */
export function storeBatch(
  store: Store,
  files: readonly PreparedImport[],
  actor: string,
  job: Job,
): ({ ok: true; outcome: ImportOutcome } | { ok: false; error: ErrorInfo })[] {
  return store.transaction(() => {
    const stored = files.map((prepared, i) => {
      job.progress('saving', i, files.length);
      job.checkpoint();
      try {
        return { ok: true as const, outcome: storeImport(store, prepared, actor) };
      } catch (error) {
        if (!(error instanceof BylineError) || error.code === 'cancelled') throw error;
        return { ok: false as const, error: error.toInfo() };
      }
    });
    job.progress('saving', files.length, files.length);
    return stored;
  });
}
