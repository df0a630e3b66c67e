import { Worker } from 'node:worker_threads';
import { BylineError, type ErrorInfo } from '../../shared/errors';
import { bundlePath } from '../bundles';
import type { ImportFormat } from './detect';
import type { ImportedArticle } from './types';
import type { HouseStyle } from '../../shared/houseStyle';

/** What one import may take: a real article needs a few megabytes and well under a second. */
export const IMPORT_LIMITS = {
  heapMb: 512,
  timeoutMs: 30_000,
};

/** What an import may know of the store it goes into. */
export interface ImportSetting {
  /** Pictures already in the store, by id: an import may refer to them instead of carrying them. */
  knownAssets: string[];
  /** The house style's credit, to read credit lines into their parts. */
  creditStyle: HouseStyle['credit'];
}

export interface ImportRequest extends ImportSetting {
  id: number;
  bytes: Uint8Array;
  format: ImportFormat | 'auto';
  fileName: string;
}

export type ImportedWithFormat = ImportedArticle & { format: ImportFormat };
export type ImportReply =
  { id: number; ok: true; result: ImportedWithFormat } | { id: number; ok: false; error: ErrorInfo };

const mb = (n: number) => `${n} MB`;

/**
 * One long-lived worker thread that parses imports, one file at a time. Parsers run on data from
 * outside (a DOCX holding 300 MB of XML, Markdown built to make a parser recurse or backtrack),
 * so they run where the worst case is a refusal: past its heap limit or its time the worker is
 * ended and the file refused by name; the next import starts a new worker. The store is never
 * touched here: the caller stores what comes back, so a refused file leaves the store as it was.
 */
class ImportWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly limits = IMPORT_LIMITS) {}

  run(
    bytes: Uint8Array,
    format: ImportFormat | 'auto',
    fileName: string,
    setting: ImportSetting,
  ): Promise<ImportedWithFormat> {
    const job = this.queue.then(() => this.runNow({ id: this.nextId++, bytes, format, fileName, ...setting }));
    this.queue = job.catch(() => undefined);
    return job;
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    const worker = new Worker(bundlePath('import-worker.cjs'), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    worker.unref(); // an idle worker never keeps the CLI running
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    return worker;
  }

  private runNow(request: ImportRequest): Promise<ImportedWithFormat> {
    const worker = (this.worker ??= this.start());
    const refuse = (why: string) =>
      new BylineError('invalid-input', `${request.fileName} cannot be imported: ${why}. Nothing was stored.`);
    return new Promise<ImportedWithFormat>((resolve, reject) => {
      worker.ref();
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        outcome();
      };
      const kill = (error: BylineError) => {
        this.worker = null;
        finish(() => reject(error));
        void worker.terminate();
      };
      const onMessage = (reply: ImportReply) => {
        if (reply.id !== request.id) return;
        if (reply.ok) finish(() => resolve(reply.result));
        else finish(() => reject(new BylineError(reply.error.code, reply.error.message, reply.error.details)));
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
          kill(refuse(`reading it needs more than ${mb(this.limits.heapMb)} of memory, far more than an article`));
        else kill(refuse(`its reader failed (${error.message})`));
      };
      const onExit = (code: number) => kill(refuse(`its reader stopped unexpectedly (exit code ${code})`));
      const timer = setTimeout(
        () =>
          kill(
            refuse(`reading it took longer than ${this.limits.timeoutMs / 1000} s, far longer than an article takes`),
          ),
        this.limits.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }
}

let shared: ImportWorker | null = null;

/** Reads a file as an article in the import worker; `limits` are for tests that provoke them. */
export function importArticleIsolated(
  bytes: Uint8Array,
  format: ImportFormat | 'auto',
  fileName: string,
  setting: ImportSetting,
  limits?: typeof IMPORT_LIMITS,
): Promise<ImportedWithFormat> {
  if (!limits) return (shared ??= new ImportWorker()).run(bytes, format, fileName, setting);
  const own = new ImportWorker(limits);
  return own.run(bytes, format, fileName, setting).finally(() => own.close());
}
