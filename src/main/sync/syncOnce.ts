// One round of sync with the newsroom server: what waits here goes out, what arrived there comes
// in. Revisions that continue this machine's newest are added as they are; one made on an older
// revision is kept as a version to choose (as a diverged package is). Each pulled batch and the
// new cursor are stored in one transaction, so a crash never applies half a batch or skips one.
import crypto from 'node:crypto';
import { BylineError } from '../../shared/errors';
import { isLoopbackHost } from '../../shared/server/loopback';
import type { RevisionRecord } from '../../shared/model/handoff';
import { actorName, ProfileSchema } from '../../shared/model/profile';
import type { PulledRecord, PullResult, PushResult, SyncRecord } from '../../shared/server/sync';
import type { Store } from '../store/store';
import { fetchPictures, picturesOf, uploadPictures, withoutPictures } from './pictures';
import { call, unreachable } from './serverApi';
import {
  assignRecordIds,
  commentChangedHere,
  forgetToken,
  knownIncoming,
  localRevisionOf,
  markCommentSynced,
  markPushed,
  markRefused,
  outgoing,
  outgoingComments,
  rememberIncoming,
  rememberPulled,
  reparent,
  setSyncServer,
  settledBy,
  signedIn,
  syncServer,
} from './syncState';

const PUSH_BATCH = 200;
const PULL_BATCH = 500;

export interface SyncReport {
  pushed: number;
  pulled: number;
  /** Pictures whose bytes went to the server, and came from it, in this round. */
  picturesSent: number;
  picturesReceived: number;
  /** Revisions from the server kept as versions to choose (both sides changed the same revision). */
  diverged: { articleId: string; incomingId: number }[];
  /** Records the server refused, with its reason: a revision (by number) or a comment (by id). */
  refused: { articleId: string; revision?: number; commentId?: string; reason: string }[];
  /** Articles that changed here by what was pulled (text, versions to choose, comments), once each. */
  changed: string[];
  /** Records that could not be placed here (their earlier history is not on this machine). */
  skipped: string[];
  /**
   * What this machine could not take in, with why: a record it cannot store, or a picture it
   * cannot open. Everything else of the pull is stored; one bad record never stops the sync.
   */
  unreadable: { articleId: string; record?: string; picture?: string; reason: string }[];
}

async function pushRevisions(store: Store, url: string, token: string, report: SyncReport): Promise<void> {
  store.transaction(() => assignRecordIds(store));
  const records = new Map<string, RevisionRecord[]>();
  // A second pass sends again what was refused only because the revision it was made on was
  // refused: made on that one's parent instead, it is judged on its own (and refused by name if
  // it carries the same step).
  for (let pass = 0; pass < 2; pass++) {
    const waiting = outgoing(store);
    let reparented = 0;
    for (let i = 0; i < waiting.length; i += PUSH_BATCH) {
      const batch = waiting.slice(i, i + PUSH_BATCH);
      const payload = batch.map((w): Extract<SyncRecord, { kind: 'revision' }> => {
        const history = records.get(w.articleId) ?? store.articles.revisionRecords(w.articleId);
        records.set(w.articleId, history);
        const r = history.find((h) => h.revision === w.revision)!;
        return {
          kind: 'revision',
          id: w.recordId,
          articleId: w.articleId,
          parents: w.parents,
          savedAt: r.savedAt,
          note: r.note,
          doc: r.doc,
        };
      });
      // Pictures first: no machine may pull a revision whose picture the server does not have.
      report.picturesSent += await uploadPictures(
        store,
        url,
        token,
        payload.map((r) => r.doc),
      );
      const result = await call<PushResult>(url, token, 'POST', '/api/v1/push', { records: payload });
      store.transaction(() => {
        for (const id of [...result.accepted.map((a) => a.id), ...result.duplicates]) markPushed(store, id);
        const refusedHere = new Map(result.refused.map((r) => [r.id, r]));
        for (const r of result.refused) {
          const w = batch.find((b) => b.recordId === r.id)!;
          // The nearest ancestor the server did not refuse in this push.
          let parents = w.parents;
          while (parents.length === 1 && refusedHere.has(parents[0]!))
            parents = payload.find((p) => p.id === parents[0])?.parents ?? [];
          if (pass === 0 && parents !== w.parents && parents.length && r.code === 'bad-request') {
            reparent(store, w.recordId, parents);
            reparented++;
            continue;
          }
          markRefused(store, r.id, r.message);
          report.refused.push({ articleId: w.articleId, revision: w.revision, reason: r.message });
        }
      });
      report.pushed += result.accepted.length + result.duplicates.length;
    }
    if (!reparented) return;
  }
}

/**
 * Comments go after the revisions they are about. Each state of a comment is a record with an id
 * of its own; sent again after a lost answer it is a new record, which the server keeps as the
 * same state (the later state wins wherever copies meet), so nothing is lost or doubled.
 */
async function pushComments(store: Store, url: string, token: string, report: SyncReport): Promise<void> {
  const waiting = outgoingComments(store);
  for (let i = 0; i < waiting.length; i += PUSH_BATCH) {
    const batch = waiting
      .slice(i, i + PUSH_BATCH)
      .map(({ articleId, comment }) => ({ kind: 'comment' as const, id: crypto.randomUUID(), articleId, comment }));
    const result = await call<PushResult>(url, token, 'POST', '/api/v1/push', { records: batch });
    store.transaction(() => {
      // A refused state is marked too, so it is reported once rather than sent for ever.
      for (const record of batch) markCommentSynced(store, record.comment.id, record.comment.changedAt);
      for (const r of result.refused) {
        const record = batch.find((b) => b.id === r.id)!;
        report.refused.push({ articleId: record.articleId, commentId: record.comment.id, reason: r.message });
      }
    });
    report.pushed += result.accepted.length + result.duplicates.length;
  }
}

/** A server record as this machine's revision number `revision`, by the person who made it. */
function asRevision(
  record: Extract<SyncRecord, { kind: 'revision' }>,
  revision: number,
  by: PulledRecord['by'],
): RevisionRecord {
  // Named as a save on the author's own machine names them (a profile taken from the account).
  return {
    revision,
    savedAt: record.savedAt,
    savedBy: actorName(by),
    status: record.doc.status,
    note: record.note,
    doc: { ...record.doc, revision },
  };
}

const changed = (report: SyncReport, articleId: string) => {
  if (!report.changed.includes(articleId)) report.changed.push(articleId);
};

function applyRevision(
  store: Store,
  record: Extract<SyncRecord, { kind: 'revision' }>,
  by: PulledRecord['by'],
  report: SyncReport,
): void {
  if (localRevisionOf(store, record.id) || knownIncoming(store, record.id)) return;
  const presence = store.articles.presence(record.articleId);
  const remember = (revision: number) => rememberPulled(store, record.articleId, revision, record.id, record.parents);
  if (presence === 'absent') {
    if (record.parents.length) {
      report.skipped.push(record.id);
      return;
    }
    store.articles.adopt([asRevision(record, 1, by)]);
    remember(1);
    changed(report, record.articleId);
    return;
  }
  if (presence === 'trashed') {
    report.skipped.push(record.id);
    return;
  }
  const head = store.articles.get(record.articleId).revision;
  const parent = record.parents.map((p) => localRevisionOf(store, p)).find(Boolean);
  if (parent && parent.revision === head) {
    // Everything this machine has was pushed before it pulled, so the head's id is the server's too.
    store.articles.adopt([asRevision(record, head + 1, by)]);
    remember(head + 1);
    changed(report, record.articleId);
    // A choice made elsewhere between this machine's version and another: nothing left to choose here.
    for (const incomingId of settledBy(store, record.articleId, record.parents)) {
      if (store.incoming.pending(record.articleId).some((v) => v.id === incomingId))
        store.incoming.markResolved(record.articleId, incomingId, by.name, 'chosen on another machine');
    }
    return;
  }
  // Made on an older revision (or on a version still waiting for a choice): kept to choose, nothing dropped.
  const base = parent?.revision ?? head;
  const incoming = store.incoming.add(record.articleId, {
    sender: by.name,
    packageName: 'the newsroom server',
    baseRevision: base,
    revisions: [asRevision(record, base + 1, by)],
  });
  rememberIncoming(store, record.articleId, record.id, incoming.id);
  report.diverged.push({ articleId: record.articleId, incomingId: incoming.id });
  changed(report, record.articleId);
}

function applyComment(store: Store, record: Extract<SyncRecord, { kind: 'comment' }>, report: SyncReport): void {
  if (store.articles.presence(record.articleId) !== 'listed') {
    report.skipped.push(record.id);
    return;
  }
  // A state made here that has not gone out yet stays; it goes out next, and is then the later one.
  if (commentChangedHere(store, record.comment.id)) return;
  if (store.comments.takeServerState(record.articleId, record.comment)) changed(report, record.articleId);
  markCommentSynced(store, record.comment.id, record.comment.changedAt);
}

/**
 * Articles this machine lacks whose records arrive in the middle of their history (assigned to
 * this account, or moved to its desk, since they began): their whole history comes first.
 */
async function catchUp(
  store: Store,
  url: string,
  token: string,
  records: readonly PulledRecord[],
): Promise<PulledRecord[]> {
  const starts = (r: SyncRecord) => r.kind === 'revision' && r.parents.length === 0;
  const begunHere = new Set(records.filter(({ record }) => starts(record)).map(({ record }) => record.articleId));
  const missing = [
    ...new Set(
      records
        .filter(
          ({ record }) =>
            !starts(record) &&
            !begunHere.has(record.articleId) &&
            store.articles.presence(record.articleId) === 'absent',
        )
        .map(({ record }) => record.articleId),
    ),
  ];
  const earlier: PulledRecord[] = [];
  for (const id of missing)
    earlier.push(
      ...(await call<{ records: PulledRecord[] }>(url, token, 'GET', `/api/v1/articles/${id}/records`)).records,
    );
  return earlier;
}

async function pullAll(store: Store, url: string, token: string, report: SyncReport): Promise<void> {
  for (;;) {
    const cursor = syncServer(store)!.cursor;
    const page = await call<PullResult>(url, token, 'GET', `/api/v1/pull?since=${cursor}&limit=${PULL_BATCH}`);
    // Records already here (an earlier catch-up) are passed over as they come again.
    const records = [...(await catchUp(store, url, token, page.records)), ...page.records];
    // Pictures first: the store takes a revision only with the pictures it names.
    const pictures = await fetchPictures(
      store,
      url,
      token,
      records.flatMap(({ record }) => (record.kind === 'revision' ? [record.doc] : [])),
    );
    report.picturesReceived += pictures.received;
    for (const p of pictures.unreadable) {
      const usedBy = records.find(
        ({ record }) => record.kind === 'revision' && picturesOf(record.doc).includes(p.picture),
      );
      report.unreadable.push({ articleId: usedBy?.record.articleId ?? '', picture: p.picture, reason: p.reason });
    }
    store.transaction(() => {
      for (const { record, by } of records) {
        try {
          // Each record in a savepoint of its own: one this machine cannot store leaves nothing half done.
          store.db.transaction(() => {
            if (record.kind === 'revision')
              applyRevision(store, { ...record, doc: withoutPictures(record.doc, pictures.unavailable) }, by, report);
            else if (record.kind === 'comment') applyComment(store, record, report);
            else if (store.articles.presence(record.articleId) === 'listed') changed(report, record.articleId);
          })();
        } catch (error) {
          if (!(error instanceof BylineError)) throw error;
          if (!report.unreadable.some((u) => u.record === record.id))
            report.unreadable.push({ articleId: record.articleId, record: record.id, reason: error.message });
        }
      }
      store.db.prepare('UPDATE sync_server SET cursor = ? WHERE id = 1').run(page.cursor);
    });
    report.pulled += page.records.length;
    if (!page.more) return;
  }
}

/** Pushes what waits, then pulls what arrived; refusals and versions to choose are reported, never dropped. */
export async function syncOnce(store: Store): Promise<SyncReport> {
  const server = signedIn(store);
  const report: SyncReport = {
    pushed: 0,
    pulled: 0,
    picturesSent: 0,
    picturesReceived: 0,
    diverged: [],
    refused: [],
    changed: [],
    skipped: [],
    unreadable: [],
  };
  await pushRevisions(store, server.url, server.token, report);
  await pushComments(store, server.url, server.token, report);
  await pullAll(store, server.url, server.token, report);
  // A fork joined later in the same pull (a new machine taking in a settled history) waits for nothing.
  report.diverged = report.diverged.filter((d) =>
    store.incoming.pending(d.articleId).some((v) => v.id === d.incomingId),
  );
  store.db.prepare('UPDATE sync_server SET last_synced_at = ? WHERE id = 1').run(new Date().toISOString());
  return report;
}

/**
 * Forgets this machine's sign-in (what waits to go out stays); the token stops working on the
 * server too when it can be reached within `timeoutMs`. Answers the server it was signed in to.
 */
export async function signOutOfServer(store: Store, timeoutMs: number): Promise<string | null> {
  const server = syncServer(store);
  if (server?.token) {
    await fetch(`${server.url}/api/v1/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
      signal: AbortSignal.timeout(timeoutMs),
    }).catch(() => undefined);
  }
  forgetToken(store);
  return server?.url ?? null;
}

/**
 * Signs this machine in: the token the server hands out is kept in the store. Plain HTTP to
 * another machine is refused unless `insecureHttp` says to take the risk: the password and the
 * token would cross the network readable.
 */
export async function signInToServer(
  store: Store,
  url: string,
  account: string,
  password: string,
  device: string,
  options: { insecureHttp?: boolean } = {},
): Promise<{ account: string; role: string }> {
  const base = url.replace(/\/+$/, '');
  let parsed: URL | null = null;
  try {
    parsed = new URL(base);
  } catch {
    // Named below, as the server that cannot be reached.
  }
  if (parsed?.protocol === 'http:' && !isLoopbackHost(parsed.hostname) && !options.insecureHttp) {
    throw new BylineError(
      'invalid-input',
      `${base} is plain HTTP to another machine: the password and the device token would cross the network readable. Use https://, or --insecure-http to take that risk.`,
      { problem: 'insecure' },
    );
  }
  let res: Response;
  try {
    res = await fetch(`${base}/api/v1/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: account, password, device }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw unreachable(base, error);
  }
  const json = (await res.json().catch(() => ({}))) as {
    token?: string;
    account?: { name: string; initials?: string; role: string };
    error?: { message: string };
  };
  if (!res.ok || !json.token || !json.account)
    throw new BylineError('forbidden', `Signing in to ${base} failed: ${json.error?.message ?? `HTTP ${res.status}`}`);
  setSyncServer(store, { url: base, account: json.account.name, device, token: json.token });
  profileFromAccount(store, json.account);
  return { account: json.account.name, role: json.account.role };
}

/**
 * A machine without a profile records saves under the system's user name; once signed in, they are
 * recorded as the account, as the other machines see them. A profile someone set stays as it is.
 */
function profileFromAccount(store: Store, account: { name: string; initials?: string; role: string }): void {
  if (store.profile.get()) return;
  const profile = ProfileSchema.safeParse({
    name: account.name,
    initials: account.initials,
    role: account.role === 'admin' ? 'desk' : account.role,
  });
  if (profile.success) store.profile.set(profile.data);
}
