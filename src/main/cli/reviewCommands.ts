import { BylineError } from '../../shared/errors';
import { fieldText } from '../../shared/comments/anchoring';
import { describeAnchor, TEXT_FIELDS, WHOLE_FIELDS, type Comment, type NewAnchor } from '../../shared/model/comment';
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
            ctx.io.out(`\n[${t.id.slice(0, 8)}] ${describeAnchor(t.anchor)}${t.detached ? ' (text removed)' : ''} · ${state}`);
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
          if (!(TEXT_FIELDS as readonly string[]).includes(f)) throw new BylineError('invalid-input', `--quote works in ${TEXT_FIELDS.join(', ')} (got --field ${f}).`);
          const where = fieldText(store.articles.get(id), f as (typeof TEXT_FIELDS)[number]);
          const start = where.indexOf(quote);
          if (start < 0) throw new BylineError('invalid-input', `"${quote}" is not in the ${f}; nothing was saved.`);
          anchor = { kind: 'text', field: f as (typeof TEXT_FIELDS)[number], start, end: start + quote.length };
        } else {
          const f = field ?? 'headline';
          if (!(WHOLE_FIELDS as readonly string[]).includes(f)) throw new BylineError('invalid-input', `--field must be one of ${WHOLE_FIELDS.join(', ')} (got ${f}).`);
          anchor = { kind: 'field', field: f as (typeof WHOLE_FIELDS)[number] };
        }
        const thread = store.comments.add(id, { anchor, body: text }, store.profile.actor());
        if (ctx.json) printJson(ctx.io, thread);
        else ctx.io.out(`${thread.id}  ${describeAnchor(thread.anchor)}: ${thread.body}`);
        return 0;
      }),
  },
};
