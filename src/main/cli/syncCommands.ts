import fs from 'node:fs';
import os from 'node:os';
import { BylineError } from '../../shared/errors';
import { signInToServer, signOutOfServer, syncOnce, type SyncReport } from '../sync/syncOnce';
import { refusedRevisions, signedIn, syncServer } from '../sync/syncState';
import { SyncAgent } from '../sync/syncAgent';
import { assignOnServer } from '../sync/assign';
import type { Store } from '../store/store';
import { withStore, type Command, type CommandContext } from './command';
import { printJson } from './output';

/** The password from a prompt on a terminal (not echoed), or from standard input in a script. */
async function readPassword(err: (text: string) => void): Promise<string> {
  if (!process.stdin.isTTY) return fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  err('Password (not shown): ');
  const rl = (await import('node:readline')).createInterface({ input: process.stdin, terminal: true });
  return new Promise((resolve) => rl.once('line', (line) => (rl.close(), resolve(line))));
}

function describe(report: SyncReport): string[] {
  return [
    `sent ${report.pushed}, received ${report.pulled}${report.picturesSent || report.picturesReceived ? `; pictures sent ${report.picturesSent}, received ${report.picturesReceived}` : ''}`,
    ...report.refused.map(
      (r) =>
        `refused by the server: ${r.articleId} ${r.revision ? `revision ${r.revision}` : `comment ${r.commentId}`}: ${r.reason}`,
    ),
    ...report.diverged.map(
      (d) =>
        `${d.articleId}: edited here and there from the same revision; both are kept, choose with \`byline choose ${d.articleId} mine|theirs\``,
    ),
    ...report.skipped.map((s) => `not placed here (its earlier history is not on this machine): record ${s}`),
    ...report.unreadable.map(
      (u) =>
        `not taken in here (${u.record ? `record ${u.record}` : `picture ${u.picture}`} of ${u.articleId}): ${u.reason}`,
    ),
  ];
}

/** `byline sync` without --once: the app's sync agent on this store, a line per change of state, until Ctrl+C. */
async function keepInStep(ctx: CommandContext, store: Store): Promise<number> {
  signedIn(store);
  let said = '';
  const agent = new SyncAgent(store, (status) => {
    const line = ctx.json
      ? JSON.stringify(status)
      : `${status.state}, ${status.waiting} waiting${status.lastSyncedAt ? `, last synced ${status.lastSyncedAt}` : ''}${status.problem ? ` (${status.problem})` : ''}`;
    if (line !== said) ctx.io.out((said = line));
  });
  agent.start();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await agent.settle();
  return agent.status().state === 'refused' ? 1 : 0;
}

/** Signing in to the newsroom server and syncing with it. */
export const SYNC_COMMANDS: Record<string, Command> = {
  login: {
    usage: 'login URL --user NAME [--insecure-http]',
    summary: 'sign this machine in to a newsroom server (the password from a prompt, or standard input)',
    args: 1,
    run: (ctx) =>
      withStore(ctx, async (store) => {
        if (!ctx.options.user) throw new BylineError('invalid-input', 'login needs --user NAME.');
        const who = await signInToServer(
          store,
          ctx.positionals[0]!,
          ctx.options.user,
          await readPassword(ctx.io.err),
          `byline on ${os.hostname()}`,
          { insecureHttp: ctx.options.insecureHttp },
        );
        if (ctx.json) printJson(ctx.io, { signedIn: true, ...who, url: syncServer(store)!.url });
        else ctx.io.out(`signed in to ${syncServer(store)!.url} as ${who.account} (${who.role})`);
        return 0;
      }),
  },
  sync: {
    usage: 'sync [--once]',
    summary:
      'keep this store in step with the newsroom server until Ctrl+C (--once: one round; exits 0 when everything went out and came in)',
    args: 0,
    run: (ctx) =>
      withStore(ctx, async (store) => {
        if (!ctx.options.once) return keepInStep(ctx, store);
        const report = await syncOnce(store);
        if (ctx.json) printJson(ctx.io, { ...report, refusedEarlier: refusedRevisions(store) });
        else for (const line of describe(report)) ctx.io.out(line);
        return report.refused.length || report.skipped.length || report.unreadable.length ? 1 : 0;
      }),
  },
  assign: {
    usage: 'assign ID --to NAME [--to NAME]... [--desk DESK]',
    summary:
      'assign an article on the newsroom server (the desk does it; --desk moves it to another desk): whoever it reaches gets its whole history',
    args: 1,
    run: (ctx) =>
      withStore(ctx, async (store) => {
        if (!ctx.options.to?.length && !ctx.options.desk)
          throw new BylineError('invalid-input', 'assign needs --to NAME (one or more) or --desk DESK.');
        const id = store.articles.get(ctx.positionals[0]!).id;
        signedIn(store);
        // The server must have the article before it can assign it.
        await syncOnce(store);
        const answer = await assignOnServer(store, id, ctx.options.to ?? [], ctx.options.desk);
        if (ctx.json) printJson(ctx.io, { id, ...answer });
        else
          ctx.io.out(
            `${id} assigned to ${answer.assigned.join(', ') || 'nobody'}${answer.desk ? ` on the ${answer.desk} desk` : ''}`,
          );
        return 0;
      }),
  },
  logout: {
    usage: 'logout',
    summary: "forget this machine's sign-in (what waits to go out stays for the next sign-in)",
    args: 0,
    run: (ctx) =>
      withStore(ctx, async (store) => {
        const url = await signOutOfServer(store, 10_000);
        if (ctx.json) printJson(ctx.io, { signedOut: true });
        else ctx.io.out(url ? `signed out of ${url}` : 'not signed in');
        return 0;
      }),
  },
};
