import fs from 'node:fs';
import path from 'node:path';
import { BylineError } from '../../shared/errors';
import { fieldText } from '../../shared/comments/anchoring';
import { describeHandoff } from '../../shared/model/handoff';
import { describeAnchor, TEXT_FIELDS, WHOLE_FIELDS, type Comment, type NewAnchor } from '../../shared/model/comment';
import { exportFileName } from '../export/bylineJson';
import { PACKAGE_EXTENSION, PACKAGE_LIMITS } from '../handoff/packageFormat';
import { readPackage } from '../handoff/readPackage';
import { resolveIncoming, unpackIntoStore } from '../handoff/unpack';
import { fileTarget } from './outputTarget';
import { writePackage } from '../handoff/writePackage';
import { writeFileDurably } from '../store/fsync';
import { withStore, type Command } from './command';
import { printJson } from './output';

function commentLine(c: Comment, indent = ''): string {
  return `${indent}${c.createdAt.replace('T', ' ').slice(0, 16)}  ${c.author}: ${c.body}`;
}

/** The desk's commands: comments on an article, and (with packages) hand-off between machines. */
export const REVIEW_COMMANDS: Record<string, Command> = {
  comments: {
    usage: 'comments ID',
    summary: 'list the comment threads on an article, open ones first',
    args: 1,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const threads = store.comments.threads(ctx.positionals[0]!);
        if (ctx.json) printJson(ctx.io, threads);
        else {
          const open = threads.filter((t) => !t.resolvedAt);
          ctx.io.out(`${open.length} open, ${threads.length - open.length} resolved`);
          for (const t of [...open, ...threads.filter((t) => t.resolvedAt)]) {
            const state = t.resolvedAt ? `resolved by ${t.resolvedBy}` : 'open';
            ctx.io.out(
              `\n[${t.id.slice(0, 8)}] ${describeAnchor(t.anchor)}${t.detached ? ' (text removed)' : ''} · ${state}`,
            );
            for (const c of [t, ...t.replies]) ctx.io.out(commentLine(c, '  '));
          }
        }
        return 0;
      }),
  },
  comment: {
    usage: 'comment ID TEXT [--field F] [--quote WORDS]',
    summary: 'comment on a field (headline, teaser, …) or, with --quote, on those words in it (default: the body)',
    args: 2,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const [id, text] = ctx.positionals as [string, string];
        const { field, quote } = ctx.options;
        let anchor: NewAnchor;
        if (quote) {
          const f = field ?? 'body';
          if (!(TEXT_FIELDS as readonly string[]).includes(f))
            throw new BylineError('invalid-input', `--quote works in ${TEXT_FIELDS.join(', ')} (got --field ${f}).`);
          const where = fieldText(store.articles.get(id), f as (typeof TEXT_FIELDS)[number]);
          const start = where.indexOf(quote);
          if (start < 0) throw new BylineError('invalid-input', `"${quote}" is not in the ${f}; nothing was saved.`);
          anchor = { kind: 'text', field: f as (typeof TEXT_FIELDS)[number], start, end: start + quote.length };
        } else {
          const f = field ?? 'headline';
          if (!(WHOLE_FIELDS as readonly string[]).includes(f))
            throw new BylineError('invalid-input', `--field must be one of ${WHOLE_FIELDS.join(', ')} (got ${f}).`);
          anchor = { kind: 'field', field: f as (typeof WHOLE_FIELDS)[number] };
        }
        const thread = store.comments.add(id, { anchor, body: text }, store.profile.actor());
        if (ctx.json) printJson(ctx.io, thread);
        else ctx.io.out(`${thread.id}  ${describeAnchor(thread.anchor)}: ${thread.body}`);
        return 0;
      }),
  },
  pack: {
    usage: 'pack ID [--out FILE|DIR/] [--force]',
    summary: 'write a .byline package (article, history, comments, images) to hand to another machine',
    args: 1,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const id = ctx.positionals[0]!;
        // Checked before the package is built: a refused target costs nothing and leaves nothing.
        const out = fileTarget(ctx.options.out, {
          dbPath: ctx.dbPath,
          force: !!ctx.options.force,
          defaultName: exportFileName(store.articles.get(id), PACKAGE_EXTENSION),
        });
        const { bytes, manifest } = writePackage(store, id, store.profile.actor());
        fs.mkdirSync(path.dirname(out), { recursive: true });
        writeFileDurably(out, bytes);
        if (ctx.json) printJson(ctx.io, { path: out, manifest });
        else ctx.io.out(`${out}: revision ${manifest.revision} of "${manifest.headline}", from ${manifest.createdBy}`);
        return 0;
      }),
  },
  unpack: {
    usage: 'unpack FILE',
    summary:
      'open a .byline package: a new article, newer revisions, or (if both sides changed it) a version to choose',
    args: 1,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const file = ctx.positionals[0]!;
        const name = path.basename(file);
        let bytes: Buffer;
        try {
          if (fs.statSync(file).size > PACKAGE_LIMITS.fileBytes)
            throw new BylineError(
              'invalid-input',
              `${file} is larger than ${PACKAGE_LIMITS.fileBytes / 1048576} MB; nothing was changed.`,
            );
          bytes = fs.readFileSync(file);
        } catch (error) {
          if (error instanceof BylineError) throw error;
          throw new BylineError(
            'invalid-input',
            `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
          );
        }
        const outcome = unpackIntoStore(store, readPackage(bytes, name), name);
        if (ctx.json) printJson(ctx.io, outcome);
        else {
          ctx.io.out(`${outcome.id}  ${outcome.headline}: ${describeHandoff(outcome)}`);
          if (outcome.result === 'diverged')
            ctx.io.out(`compare with the app's History, or choose here: byline choose ${outcome.id} mine|theirs`);
        }
        return 0;
      }),
  },
  choose: {
    usage: 'choose ID mine|theirs',
    summary:
      "settle a package's version that diverged: keep this machine's text or take theirs (both stay in the history)",
    args: 2,
    run: (ctx) =>
      withStore(ctx, (store) => {
        const [id, keep] = ctx.positionals as [string, string];
        if (keep !== 'mine' && keep !== 'theirs')
          throw new BylineError('invalid-input', `choose needs mine or theirs (got "${keep}").`);
        const [waiting] = store.incoming.pending(id);
        if (!waiting) throw new BylineError('not-found', `Article ${id} has no version waiting for a choice.`);
        const result = resolveIncoming(
          store,
          id,
          waiting.id,
          keep,
          store.profile.actor(),
          store.articles.get(id).revision,
        );
        if (ctx.json) printJson(ctx.io, result);
        else
          ctx.io.out(
            `${id} is at revision ${result.revision}, with ${keep === 'mine' ? "this machine's" : `${waiting.sender}'s`} text; both versions are in its history (byline history ${id})`,
          );
        return 0;
      }),
  },
};
