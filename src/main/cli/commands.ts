import fs from 'node:fs';
import path from 'node:path';
import { BylineError } from '../../shared/errors';
import { failureMessage } from '../fileErrors';
import { diffArticles, inlineBodyDiff } from '../../shared/diff';
import { formatSignOff } from '../../shared/format/signOff';
import { bodyText, type Article } from '../../shared/model/article';
import { statusLabel } from '../../shared/workflow';
import { exportFileName } from '../export/bylineJson';
import { chromiumPrintToPdf } from '../export/chromiumPdf';
import { EXPORTERS, exportArticle, isExportFormat } from '../export/formats';
import { stepAfterExport } from '../export/stepAfterExport';
import { fileTarget, folderTarget } from './outputTarget';
import { assertNoSession } from '../store/sessionLock';
import { parseBylineJson } from '../import/bylineJson';
import { MAX_IMPORT_BYTES } from '../import/decode';
import { IMPORT_FORMATS, isImportFormat } from '../import/detect';
import { prepareImport, type ImportOutcome, type PreparedImport } from '../import/importIntoStore';
import { MAX_BATCH_BYTES, storeBatch } from '../import/importBatches';
import { writeFileDurably } from '../store/fsync';
import { restoreStore } from '../store/store';
import { withCliJob, withStore, type Command } from './command';
import { readFileBytes, readTextFile } from './files';
import { explainMapping, printJson, summaryLine, type Io } from './output';
import { PHOTO_COMMANDS } from './photoCommands';
import { REVIEW_COMMANDS } from './reviewCommands';
import { SYNC_COMMANDS } from './syncCommands';

function showArticle(io: Io, a: Article): void {
  const lines = [
    `${a.headline || '(no headline)'}`,
    `id ${a.id} · revision ${a.revision} · ${a.status} · ${a.language} · updated ${a.updatedAt}`,
    a.rubric && `Rubric: ${a.rubric}`,
    a.kicker && `Kicker: ${a.kicker}`,
    a.byline && `By: ${a.byline}`,
    a.teaser && `\n${a.teaser}`,
    a.body.length ? `\n${bodyText(a.body)}` : '',
    formatSignOff(a.signOff) && `\n${formatSignOff(a.signOff)}`,
    a.keywords.length ? `\nKeywords: ${a.keywords.join(', ')}` : '',
  ];
  io.out(lines.filter(Boolean).join('\n'));
}

const percent = (done: number, total: number) => `${total ? Math.floor((100 * done) / total) : 100}%`;

export const COMMANDS: Record<string, Command> = {
  new: {
    usage: 'new --headline TEXT',
    summary: 'create an article',
    args: 0,
    run: (ctx) =>
      withStore(ctx, (store) => {
        if (ctx.options.headline === undefined) throw new BylineError('invalid-input', 'new needs --headline TEXT.');
        const a = store.articles.create({ headline: ctx.options.headline }, store.profile.actor());
        if (ctx.json) printJson(ctx.io, a);
        else ctx.io.out(a.id);
        return 0;
      }),
  },
  list: {
    usage: 'list [--query Q] [--status S] [--trashed]',
    summary: 'list articles, newest first, or those matching a search',
    args: 0,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const result = store.articles.list({
          query: ctx.options.query,
          status: ctx.options.status,
          trashed: ctx.options.trashed,
          limit: 1000,
        });
        if (ctx.json) printJson(ctx.io, result);
        else {
          for (const item of result.items) ctx.io.out(summaryLine(item));
          if (result.total > result.items.length) ctx.io.out(`… ${result.total - result.items.length} more`);
        }
        return 0;
      }),
  },
  show: {
    usage: 'show ID',
    summary: 'print an article',
    args: 1,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const a = store.articles.get(ctx.positionals[0]!, { includeTrashed: true });
        if (ctx.json) printJson(ctx.io, a);
        else showArticle(ctx.io, a);
        return 0;
      }),
  },
  save: {
    usage: 'save FILE.json',
    summary: 'create or update an article from model JSON (its "revision" is the one it was based on)',
    args: 1,
    run: (ctx) => {
      const file = ctx.positionals[0]!;
      const input = parseBylineJson(file, readTextFile(file));
      return withStore(ctx, (store) => {
        const { article, changed } = store.articles.save(input, store.profile.actor());
        if (ctx.json) printJson(ctx.io, { article, changed });
        else
          ctx.io.out(
            changed
              ? `saved ${article.id} as revision ${article.revision}`
              : `unchanged ${article.id} (revision ${article.revision})`,
          );
        return 0;
      });
    },
  },
  status: {
    usage: 'status ID STATUS [--reason TEXT]',
    summary: 'move an article to another status, as the house style allows (refusals say what is missing)',
    args: 2,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const [id, status] = ctx.positionals as [string, string];
        const a = store.articles.setStatus(id, status, store.profile.actor(), {
          reason: ctx.options.reason,
          role: store.profile.get()?.role,
        });
        if (ctx.json) printJson(ctx.io, a);
        else ctx.io.out(`${a.id} is now ${statusLabel(store.houseStyle, a.status)} (revision ${a.revision})`);
        return 0;
      }),
  },
  history: {
    usage: 'history ID',
    summary: 'list the revisions of an article',
    args: 1,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const revisions = store.articles.history(ctx.positionals[0]!);
        if (ctx.json) printJson(ctx.io, revisions);
        else
          for (const r of revisions)
            ctx.io.out(
              `r${r.revision}  ${r.savedAt}  ${r.savedBy.padEnd(12)} ${r.status.padEnd(14)} ${r.headline}${r.note ? `  — ${r.note}` : ''}`,
            );
        return 0;
      }),
  },
  diff: {
    usage: 'diff ID REV_A REV_B',
    summary: 'what changed between two revisions: fields, and the body word by word',
    args: 3,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const [id, revA, revB] = ctx.positionals as [string, string, string];
        const rev = (value: string) => {
          const n = Number(value.replace(/^r/, ''));
          if (!Number.isInteger(n) || n < 1)
            throw new BylineError('invalid-input', `"${value}" is not a revision number (see byline history ${id}).`);
          return store.articles.getRevision(id, n);
        };
        const diff = diffArticles(rev(revA), rev(revB), store.houseStyle);
        if (ctx.json) printJson(ctx.io, diff);
        else {
          ctx.io.out(`r${diff.from} → r${diff.to}`);
          if (!diff.fields.length && !diff.body.length) ctx.io.out('no changes');
          for (const f of diff.fields) ctx.io.out(`${f.field}: ${f.before || '(empty)'} → ${f.after || '(empty)'}`);
          if (diff.body.length) ctx.io.out(`body:\n${inlineBodyDiff(diff.body)}`);
        }
        return 0;
      }),
  },
  profile: {
    usage: 'profile [--name NAME --initials XY --role journalist|desk|photo]',
    summary: 'show, or set, who works at this machine (recorded with every revision)',
    args: 0,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const { name, initials, role } = ctx.options;
        const profile =
          name || initials || role
            ? store.profile.set({
                ...store.profile.get(),
                ...(name ? { name } : {}),
                ...(initials ? { initials } : {}),
                ...(role ? { role } : {}),
              })
            : store.profile.get();
        if (ctx.json) printJson(ctx.io, profile);
        else
          ctx.io.out(
            profile
              ? `${profile.name} (${profile.initials}), ${profile.role}`
              : `no profile yet; saves are recorded as ${store.profile.actor()} (set one with byline profile --name … --initials … --role …)`,
          );
        return 0;
      }),
  },
  delete: {
    usage: 'delete ID',
    summary: 'move an article to the trash',
    args: 1,
    run: (ctx) =>
      withStore(ctx, (store) => {
        store.articles.trash(ctx.positionals[0]!);
        if (ctx.json) printJson(ctx.io, { id: ctx.positionals[0], trashed: true });
        else
          ctx.io.out(`moved ${ctx.positionals[0]} to the trash (byline restore ${ctx.positionals[0]} brings it back)`);
        return 0;
      }),
  },
  restore: {
    usage: 'restore ID',
    summary: 'bring an article back from the trash',
    args: 1,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const a = store.articles.restore(ctx.positionals[0]!);
        if (ctx.json) printJson(ctx.io, a);
        else ctx.io.out(`restored ${a.id}`);
        return 0;
      }),
  },
  'empty-trash': {
    usage: 'empty-trash',
    summary: 'delete every article in the trash for good, and the pictures nothing uses any more',
    args: 0,
    run: (ctx) =>
      withStore(ctx, (store) => {
        assertNoSession(ctx.dbPath, 'Emptying the trash from the command line');
        const { deleted, pictures } = withCliJob(
          ctx,
          (_phase, done, total) => `deleting ${done}/${total}`,
          (job) => store.emptyTrash(job),
        );
        if (ctx.json) printJson(ctx.io, { deleted, pictures });
        else ctx.io.out(`deleted ${deleted} article(s) and ${pictures} unused picture(s) for good`);
        return 0;
      }),
  },
  check: {
    usage: 'check [--repair]',
    summary:
      'verify the database, search index and image files; --repair fixes what is safe (image files without rows, stray files)',
    args: 0,
    run: (ctx) =>
      withStore(ctx, (store) => {
        if (ctx.options.repair) assertNoSession(ctx.dbPath, 'Repairing the store');
        if (ctx.options.repair && store.readOnly)
          throw new BylineError(
            'store-readonly',
            `${ctx.dbPath} is read-only here, so it cannot be repaired; nothing was changed.`,
          );
        const report = withCliJob(
          ctx,
          (phase, done, total) => `checking ${phase} ${percent(done, total)}`,
          (job) => store.check({ repair: ctx.options.repair }, job),
        );
        if (ctx.json) printJson(ctx.io, report);
        else {
          for (const r of report.repaired ?? []) ctx.io.out(`repaired: ${r}`);
          ctx.io.out(
            `${report.ok ? 'ok' : 'PROBLEMS FOUND'}: ${report.articles} articles, ${report.revisions} revisions, ${report.assets} images`,
          );
          if (report.readOnly)
            ctx.io.out('  (read-only: the search index was compared by its entries, not checked itself)');
          for (const p of report.problems) ctx.io.out(`  - ${p}`);
        }
        return report.ok ? 0 : 1;
      }),
  },
  backup: {
    usage: 'backup DEST',
    summary: 'write a consistent copy of the store (database and images) to a new folder',
    args: 1,
    run: (ctx) =>
      withStore(ctx, async (store) => {
        const dest = path.resolve(ctx.positionals[0]!);
        const manifest = await withCliJob(
          ctx,
          (phase, done, total) =>
            `backing up: ${phase === 'database' ? 'database' : 'pictures'} ${percent(done, total)}`,
          (job) => store.backup(dest, job),
        );
        if (ctx.json) printJson(ctx.io, { path: dest, ...manifest });
        else ctx.io.out(`backed up ${manifest.articles} articles and ${manifest.assets} images to ${dest}`);
        return 0;
      }),
  },
  export: {
    usage: `export ID... --format ${Object.keys(EXPORTERS).join('|')} [--out DIR] [--force]`,
    summary: 'write articles in an exchange format, each checked against its schema first',
    args: 'some',
    run: async (ctx) => {
      const format = ctx.options.format ?? '';
      if (!isExportFormat(format))
        throw new BylineError(
          'invalid-input',
          `export needs --format ${Object.keys(EXPORTERS).join('|')} (got "${format}").`,
        );
      const out = folderTarget(ctx.options.out, { dbPath: ctx.dbPath });
      fs.mkdirSync(out, { recursive: true });
      const store = ctx.openStore();
      const results: {
        id: string;
        path?: string;
        checked?: string;
        error?: string;
        step?: ReturnType<typeof stepAfterExport>;
      }[] = [];
      const progress = ctx.io.progress && ctx.positionals.length > 1 ? ctx.io.progress : undefined;
      // Articles are exported a chunk at a time, so schema checks share one compilation; files
      // are written in the order given. A PDF starts a browser, so those go one by one.
      const chunkSize = format === 'pdf' ? 1 : 100;
      const env = { printToPdf: chromiumPrintToPdf };
      try {
        for (let start = 0; start < ctx.positionals.length; start += chunkSize) {
          const chunk = ctx.positionals.slice(start, start + chunkSize);
          progress?.(`exporting ${Math.min(start + chunkSize, ctx.positionals.length)}/${ctx.positionals.length}`);
          const outcomes = await Promise.allSettled(
            chunk.map(async (id) => {
              const article = store.articles.get(id);
              return { article, exported: await exportArticle(format, article, store, env) };
            }),
          );
          outcomes.forEach((outcome, k) => {
            const id = chunk[k]!;
            try {
              if (outcome.status === 'rejected') throw outcome.reason;
              const { article, exported } = outcome.value;
              const file = fileTarget(path.join(out, exportFileName(article, exported.extension)), {
                dbPath: ctx.dbPath,
                force: !!ctx.options.force,
                defaultName: '',
              });
              writeFileDurably(file, exported.data);
              const step = stepAfterExport(store, article, store.profile.actor());
              results.push({ id, path: file, checked: exported.checked, ...(step ? { step } : {}) });
              if (!ctx.json) ctx.io.out(`${id} → ${file} (checked against ${exported.checked})`);
              if (step && !step.done)
                ctx.io.err(`byline: ${id}: exported, but not moved to ${step.to}: ${step.message}`);
            } catch (error) {
              const message = failureMessage(error);
              results.push({ id, error: message });
              ctx.io.err(`byline: ${id}: ${message}`);
            }
          });
        }
      } finally {
        progress?.('');
        store.close();
      }
      const failed = results.filter((r) => r.error).length;
      if (ctx.json) printJson(ctx.io, results);
      else ctx.io.out(`exported ${results.length - failed} of ${results.length}${failed ? `; ${failed} failed` : ''}`);
      return failed ? 1 : 0;
    },
  },
  import: {
    usage: 'import FILE... [--format auto|json|nitf|newsml|ninjs|html|md|docx|text] [--explain]',
    summary:
      'import articles from files (the format is found from the content); each file is checked on its own, then all are stored together',
    args: 'some',
    run: async (ctx) => {
      const format = ctx.options.format ?? 'auto';
      if (format !== 'auto' && !isImportFormat(format))
        throw new BylineError(
          'invalid-input',
          `import needs --format auto|${IMPORT_FORMATS.join('|')} (got "${format}").`,
        );
      const store = ctx.openStore();
      const results: ({ file: string } & (ImportOutcome | { error: string }))[] = [];
      const progress = ctx.io.progress && ctx.positionals.length > 1 ? ctx.io.progress : undefined;
      const actor = store.profile.actor();
      // Read and checked first, stored together after: stopped (Ctrl+C) while reading, the
      // import stores nothing. Past MAX_BATCH_BYTES of files, what was read is stored first.
      let batch: { file: string; prepared: PreparedImport }[] = [];
      let batchBytes = 0;
      const storeRead = () => {
        const stored = withCliJob(
          ctx,
          (_phase, done, total) => `storing ${done}/${total}`,
          (job) =>
            storeBatch(
              store,
              batch.map((b) => b.prepared),
              actor,
              job,
            ),
        );
        stored.forEach((s, i) => {
          const { file } = batch[i]!;
          if (s.ok) {
            // The mapping is long: it is printed (or kept in --json) only when asked for.
            const { mapping, ...outcome } = s.outcome;
            results.push({ file, ...outcome, ...(ctx.options.explain && mapping ? { mapping } : {}) });
            if (!ctx.json) {
              ctx.io.out(`${s.outcome.id}  ${file} (${s.outcome.format}): ${s.outcome.headline || '(no headline)'}`);
              if (ctx.options.explain && s.outcome.mapping) ctx.io.out(explainMapping(s.outcome.mapping));
              for (const w of s.outcome.warnings) ctx.io.err(`byline: ${file}: note: ${w}`);
            }
          } else fail(file, s.error.message);
        });
        batch = [];
        batchBytes = 0;
      };
      const fail = (file: string, message: string) => {
        results.push({ file, error: message });
        ctx.io.err(`byline: ${file}: ${message}`);
      };
      try {
        for (const [i, file] of ctx.positionals.entries()) {
          progress?.(`reading ${i + 1}/${ctx.positionals.length}: ${path.basename(file)}`);
          try {
            const bytes = readFileBytes(
              file,
              MAX_IMPORT_BYTES,
              () => `${file} is larger than ${MAX_IMPORT_BYTES / 1048576} MB; nothing was stored.`,
            );
            const prepared = await prepareImport(store, bytes, path.basename(file), format);
            if (batchBytes + bytes.byteLength > MAX_BATCH_BYTES) storeRead();
            batch.push({ file, prepared });
            batchBytes += bytes.byteLength;
          } catch (error) {
            fail(file, failureMessage(error));
          }
        }
        storeRead();
      } finally {
        progress?.('');
        store.close();
      }
      const failed = results.filter((r) => 'error' in r).length;
      if (ctx.json) printJson(ctx.io, results);
      else ctx.io.out(`imported ${results.length - failed} of ${results.length}${failed ? `; ${failed} failed` : ''}`);
      return failed ? 1 : 0;
    },
  },
  'restore-backup': {
    usage: 'restore-backup DIR',
    summary: 'replace the store with a backup (quit the app first; the current store is kept aside)',
    args: 1,
    run: (ctx) => {
      assertNoSession(ctx.dbPath, 'Restoring a backup');
      // Copied and checked beside the store first: stopped (Ctrl+C) before the end, it changes nothing.
      const label = (phase: string, done: number, total: number) =>
        `restoring: ${phase === 'pictures' ? 'copying pictures' : `checking ${phase}`} ${percent(done, total)}`;
      const { manifest, previous } = withCliJob(ctx, label, (job) =>
        restoreStore(ctx.positionals[0]!, ctx.dbPath, job),
      );
      if (ctx.json) printJson(ctx.io, { restored: manifest, previous });
      else
        ctx.io.out(
          `restored ${manifest.articles} articles from ${manifest.createdAt}${previous ? `; the replaced store is in ${previous}` : ''}`,
        );
      return 0;
    },
  },
  ...REVIEW_COMMANDS,
  ...SYNC_COMMANDS,
  ...PHOTO_COMMANDS,
};
