// Named one-line mutants of the sync, server and store code: each is a way to lose or corrupt a
// newsroom's copy that a test must catch. `npm run mutants` applies them one at a time to a copy of
// the tree and runs the tests named for each; a mutant that no test kills fails the run. `quick`
// ones run in `npm test` as well. Each `find` must occur exactly once in its file, so a change to
// the code that moves the line fails the run by name instead of silently testing nothing.

/** @typedef {{ name: string, why: string, file: string, find: string, replace: string, tests: string[], quick?: boolean }} Mutant */

const SYNC = 'tests/main/sync/sync.test.ts';
const CHAOS = 'tests/main/sync/chaos.test.ts';
const SERVER_CHAOS = 'tests/server/chaos.test.ts';

/** @type {Mutant[]} */
export default [
  {
    name: 'M1 newest text on every pushed revision',
    why: 'Every revision goes out with the newest text of its article (status kept), so older revisions elsewhere show text they never had.',
    file: 'src/main/sync/syncOnce.ts',
    find: 'const r = history.find((h) => h.revision === w.revision)!;',
    replace: 'const r = { ...history.find((h) => h.revision === w.revision)!, doc: { ...history.at(-1)!.doc, status: history.find((h) => h.revision === w.revision)!.doc.status } };',
    tests: [SYNC, CHAOS],
    quick: true,
  },
  {
    name: 'M2 server empties the teaser',
    why: 'The server stores every revision with an empty teaser: the field the chaos edits.',
    file: 'src/server/sync.ts',
    find: '      JSON.stringify(record),',
    replace: "      JSON.stringify(record.kind === 'revision' ? { ...record, doc: { ...record.doc, teaser: '' } } : record),",
    tests: [SERVER_CHAOS, CHAOS],
    quick: true,
  },
  {
    name: 'M3 a colleague’s version dropped unseen',
    why: 'A version made on an older revision is marked as dealt with the moment it arrives, so nobody is asked to choose.',
    file: 'src/main/sync/syncOnce.ts',
    find: 'rememberIncoming(store, record.articleId, record.id, incoming.id);',
    replace: "rememberIncoming(store, record.articleId, record.id, incoming.id); store.incoming.markResolved(record.articleId, incoming.id, by.name, 'dropped');",
    tests: [CHAOS, SYNC],
    quick: true,
  },
  {
    name: 'M4 a revision’s parent dropped',
    why: 'A local revision goes out as if it began the article, so the server refuses it or loses where it was made.',
    file: 'src/main/sync/syncState.ts',
    find: 'insert.run(pk, revision, crypto.randomUUID(), JSON.stringify(parent ? [parent] : []));',
    replace: 'insert.run(pk, revision, crypto.randomUUID(), JSON.stringify([]));',
    tests: [SYNC, CHAOS],
  },
  {
    name: 'M5 the earlier comment state wins',
    why: 'Where two states of a comment meet, the older one is kept: a resolved comment opens again, or the other way round.',
    file: 'src/shared/model/comment.ts',
    find: 'if (a.changedAt !== b.changedAt) return a.changedAt > b.changedAt;',
    replace: 'if (a.changedAt !== b.changedAt) return a.changedAt < b.changedAt;',
    tests: [SYNC, CHAOS],
  },
  {
    name: 'M6 the cursor moves before the batch is stored',
    why: 'The pull cursor is advanced as soon as a page arrives, so a round cut off before the page is stored never takes it in.',
    file: 'src/main/sync/syncOnce.ts',
    find: "const page = await call<PullResult>(url, token, 'GET', `/api/v1/pull?since=${cursor}&limit=${PULL_BATCH}`);",
    replace:
      "const page = await call<PullResult>(url, token, 'GET', `/api/v1/pull?since=${cursor}&limit=${PULL_BATCH}`); store.db.prepare('UPDATE sync_server SET cursor = ? WHERE id = 1').run(page.cursor);",
    tests: [SYNC],
  },
  {
    name: 'M7 a picture never sent',
    why: 'A picture the server lacks is passed over, so the other machines get its revision with the picture missing.',
    file: 'src/main/sync/pictures.ts',
    find: 'if (isUploaded(store, id) || !store.assets.find(id)) continue;',
    replace: 'if (isUploaded(store, id) || store.assets.find(id)) continue;',
    tests: [SYNC],
  },
  {
    name: 'M8 an edit of an older revision taken as the newest',
    why: 'A colleague’s revision made on an older one is added on top, silently replacing this machine’s newest text.',
    file: 'src/main/sync/syncOnce.ts',
    find: 'if (parent && parent.revision === head) {',
    replace: 'if (parent) {',
    tests: [CHAOS, SYNC],
    quick: true,
  },
  {
    name: 'M9 a duplicate’s acknowledgement ignored',
    why: 'A revision the server already had (its answer lost on the way) is never marked as sent, and waits for ever.',
    file: 'src/main/sync/syncOnce.ts',
    find: 'for (const id of [...result.accepted.map((a) => a.id), ...result.duplicates]) markPushed(store, id);',
    replace: 'for (const id of result.accepted.map((a) => a.id)) markPushed(store, id);',
    tests: [SYNC, CHAOS],
  },
  {
    name: 'M10 a pull says there is no more',
    why: 'The server answers that nothing more waits after the first page, so a desktop catching up stops half way.',
    file: 'src/server/sync.ts',
    find: 'const more = rows.length > limit;',
    replace: 'const more = false;',
    tests: [SERVER_CHAOS, SYNC],
  },
  {
    name: 'M11 status steps not checked on the server',
    why: 'The server takes any status step a desktop proposes, whatever the account’s role.',
    file: 'src/server/sync.ts',
    find: 'const step = from.length > 0 && !from.includes(r.doc.status);',
    replace: 'const step = false;',
    tests: [SYNC, 'tests/server/sync.test.ts'],
  },
  {
    name: 'M12 a pull skips the first record after the cursor',
    why: 'The server gives records after the one after the cursor: each page loses a record.',
    file: 'src/server/sync.ts',
    find: 'WHERE r.seq > $4 AND ${VISIBLE}',
    replace: 'WHERE r.seq > $4 + 1 AND ${VISIBLE}',
    tests: [SERVER_CHAOS, SYNC],
  },
  {
    name: 'M13 sign-in guesses counted without the lock',
    why: 'Guesses sent all at once each count the failures before any is recorded, so all of them are checked against the password.',
    file: 'src/server/accounts.ts',
    find: "await client.query('SELECT pg_advisory_xact_lock($1)', [SIGN_IN_LOCK]);",
    replace: ';',
    tests: ['tests/server/accounts.test.ts'],
  },
  {
    name: 'M14 a lost database connection ends the server',
    why: 'Without its error listener the pool lets an idle connection cut by PostgreSQL (a restart, a failover) end the whole server.',
    file: 'src/server/db/pool.ts',
    find: "  pool.on('error', lost);",
    replace: '  void lost;',
    tests: ['tests/server/databaseFaults.test.ts'],
  },
  {
    name: 'M15 live news not resumed after the database comes back',
    why: 'The connection that listens for news is not opened again once PostgreSQL drops it: desktops hear of nothing until the server restarts.',
    file: 'src/server/live.ts',
    find: 'void this.relisten();',
    replace: ';',
    tests: ['tests/server/databaseFaults.test.ts'],
  },
  {
    name: 'M16 a connection lost while a request holds it ends the server',
    why: 'Without a listener on each connection, PostgreSQL crashing between two queries of one request ends the whole server.',
    file: 'src/server/db/pool.ts',
    find: "pool.on('connect', (client) => client.on('error', lost));",
    replace: ';',
    tests: [SERVER_CHAOS],
  },
  {
    name: 'M17 a reset upgrade ends the server',
    why: 'An upgrade request whose connection is reset before the answer, with no listener for the error, ends the whole server.',
    file: 'src/server/live.ts',
    find: "socket.on('error', () => socket.destroy());",
    replace: ';',
    tests: ['tests/server/hostileSockets.test.ts'],
  },
  {
    name: 'M18 a bad frame ends the server',
    why: 'A live-socket frame the server cannot read (too long, not UTF-8, unmasked), with no listener for the error, ends the whole server.',
    file: 'src/server/live.ts',
    find: "ws.on('error', () => ws.terminate());",
    replace: ';',
    tests: ['tests/server/hostileSockets.test.ts'],
  },
  {
    name: 'M19 the server tries to store what PostgreSQL refuses',
    why: 'A record with U+0000 reaches jsonb, the whole push fails with a 500, and the desktop sends the same batch first for ever.',
    file: 'src/server/sync.ts',
    find: 'if (hasUnstorableText(record)) throw new Refusal(',
    replace: 'if (false) throw new Refusal(',
    tests: ['tests/server/sync.test.ts'],
  },
  {
    name: 'M20 a desktop keeps characters nobody can see',
    why: 'An imported U+0000 is saved as it came, and the server refuses the revision: the article never reaches the desk.',
    file: 'src/main/store/articles.ts',
    find: 'const fields = withoutUnstorableText(parsed.data);',
    replace: 'const fields = parsed.data;',
    tests: [SYNC],
  },
];
