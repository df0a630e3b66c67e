import { parentPort } from 'node:worker_threads';
import { BylineError } from '../../shared/errors';
import { importArticle } from './formats';
import type { ImportRequest, ImportReply } from './isolated';

/**
 * The import worker: reads one file at a time into an article and sends it back. It runs with a
 * heap limit, so a file built to exhaust memory kills this thread, never the app.
 */
parentPort?.on('message', (request: ImportRequest) => {
  void (async () => {
    let reply: ImportReply;
    try {
      const known = new Set(request.knownAssets);
      const result = await importArticle(request.bytes, request.format, {
        fileName: request.fileName,
        hasAsset: (id) => known.has(id),
        creditStyle: request.creditStyle,
      });
      reply = { id: request.id, ok: true, result };
    } catch (error) {
      const info =
        error instanceof BylineError
          ? error.toInfo()
          : // A parser's own exception on data from outside: still a refusal, marked so tests can tell it from a named one.
            {
              code: 'invalid-input' as const,
              message: `${request.fileName} could not be read (${(error as Error).message}). Nothing was stored.`,
              details: { unexpected: (error as Error).name },
            };
      reply = { id: request.id, ok: false, error: info };
    }
    parentPort!.postMessage(reply);
  })();
});
