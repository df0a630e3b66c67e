// Newsroom accounts, their passwords and the devices they signed in from. Passwords are hashed
// with scrypt from node:crypto; device tokens are random and stored only as their SHA-256.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type pg from 'pg';
import {
  NewAccountSchema,
  type Account,
  type NewAccount,
  type ServerErrorCode,
  type ServerRole,
  type SignInRequest,
  type SignInResponse,
} from '../shared/server/api';
import { inTransaction } from './db/transaction';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;
// N = 2^15 takes about 50 ms here: slow for a guesser, quick enough for one sign-in.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** A refusal the server (or byline-server) answers with: a stable code and a message for people. */
export class ServerError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return crypto.timingSafeEqual(actual, expected);
}

/** A password to hand to a person once: 20 characters from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(crypto.randomBytes(20), (b) => alphabet[b % alphabet.length]).join('');
}

interface AccountRow {
  id: string;
  name: string;
  initials: string;
  role: ServerRole;
  desks: string[];
  created_at: Date;
  revoked_at: Date | null;
}
const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  name: r.name,
  initials: r.initials,
  role: r.role,
  desks: r.desks,
  createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
});
const ACCOUNT_COLUMNS = 'id, name, initials, role, desks, created_at, revoked_at';

async function audit(
  db: pg.Pool | pg.PoolClient,
  accountId: string | null,
  kind: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.query('INSERT INTO audit (account_id, kind, detail) VALUES ($1, $2, $3)', [
    accountId,
    kind,
    JSON.stringify(detail),
  ]);
}

/** A new account with the password given, or one generated (returned once, stored only hashed). */
export async function addAccount(
  db: pg.Pool,
  input: NewAccount,
  password = generatePassword(),
): Promise<{ account: Account; password: string }> {
  const fields = NewAccountSchema.parse(input);
  const exists = await db.query('SELECT 1 FROM accounts WHERE lower(name) = lower($1)', [fields.name]);
  if (exists.rowCount) throw new ServerError('bad-request', `There is already an account named “${fields.name}”.`);
  const { rows } = await db.query<AccountRow>(
    `INSERT INTO accounts (name, initials, role, desks, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${ACCOUNT_COLUMNS}`,
    [fields.name, fields.initials, fields.role, fields.desks, await hashPassword(password)],
  );
  const account = toAccount(rows[0]!);
  await audit(db, account.id, 'account-added', { role: account.role, desks: account.desks });
  return { account, password };
}

export async function listAccounts(db: pg.Pool): Promise<Account[]> {
  const { rows } = await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY lower(name)`);
  return rows.map(toAccount);
}

async function accountNamed(db: pg.Pool, name: string): Promise<Account> {
  const { rows } = await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE lower(name) = lower($1)`, [
    name,
  ]);
  if (!rows[0]) throw new ServerError('not-found', `There is no account named “${name}”.`);
  return toAccount(rows[0]);
}

/** The PostgreSQL channel on which every instance hears of devices whose sign-in ended (live.ts closes their sockets). */
export const DEVICES_CHANNEL = 'byline_devices';

/** Whose sign-ins ended: every device of an account, only `device`, or every one but `except`. */
export interface EndedDevices {
  account: string;
  device?: string;
  except?: string;
}

/** Ends the sign-in of the devices named, in one statement, and tells every instance at once. */
async function endDevices(db: pg.Pool, ended: EndedDevices): Promise<void> {
  await db.query(
    `UPDATE devices SET revoked_at = coalesce(revoked_at, now())
      WHERE account_id = $1 AND ($2::uuid IS NULL OR id = $2) AND ($3::uuid IS NULL OR id <> $3)`,
    [ended.account, ended.device ?? null, ended.except ?? null],
  );
  await db.query('SELECT pg_notify($1, $2)', [DEVICES_CHANNEL, JSON.stringify(ended)]);
}

/** Revokes an account and every device it signed in from: their syncs stop at once. */
export async function revokeAccount(db: pg.Pool, name: string): Promise<Account> {
  const account = await accountNamed(db, name);
  await db.query('UPDATE accounts SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [account.id]);
  await endDevices(db, { account: account.id });
  await audit(db, account.id, 'account-revoked');
  return accountNamed(db, name);
}

function assertPasswordLength(password: string): void {
  if (password.length < 12) throw new ServerError('bad-request', 'A password needs at least 12 characters.');
}

/** Stores a new password and ends the sign-in of every device of the account but `keep`: whoever had the old one is out. */
async function replacePassword(db: pg.Pool, accountId: string, password: string, keep?: string): Promise<void> {
  await db.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [accountId, await hashPassword(password)]);
  await endDevices(db, { account: accountId, ...(keep ? { except: keep } : {}) });
}

/** An administrator sets a password: every device of the account signs in again. */
export async function setPassword(db: pg.Pool, name: string, password: string): Promise<void> {
  assertPasswordLength(password);
  const account = await accountNamed(db, name);
  await replacePassword(db, account.id, password);
  await audit(db, account.id, 'password-set');
}

/** Failed attempts allowed within the window, per account name and per address. */
export const SIGN_IN_LIMIT = { failures: 5, windowMinutes: 15 };

/** Sign-ins take this advisory lock while they count and reserve an attempt (any number, the same in every instance). */
const SIGN_IN_LOCK = 0x6279_7369;

/**
 * Checks a name's password under the sign-in limit (at the same cost whether or not the account
 * exists): at most SIGN_IN_LIMIT failures per name and per address in the window, every attempt
 * recorded. Each attempt is recorded as failed before its password is checked, under a lock, so
 * guesses sent all at once are counted like guesses sent one by one: no more than the limit is checked.
 */
async function checkPassword(db: pg.Pool, name: string, password: string, address: string): Promise<AccountRow> {
  const attempt = await inTransaction(db, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SIGN_IN_LOCK]);
    const { rows: recent } = await client.query<{ by_name: string; by_address: string }>(
      `SELECT count(*) FILTER (WHERE lower(name) = lower($1)) AS by_name, count(*) FILTER (WHERE address = $2) AS by_address
         FROM sign_in_attempts WHERE NOT ok AND at > now() - make_interval(mins => $3)`,
      [name, address, SIGN_IN_LIMIT.windowMinutes],
    );
    if (
      Number(recent[0]!.by_name) >= SIGN_IN_LIMIT.failures ||
      Number(recent[0]!.by_address) >= SIGN_IN_LIMIT.failures
    ) {
      throw new ServerError(
        'rate-limited',
        `Too many failed sign-ins; try again in ${SIGN_IN_LIMIT.windowMinutes} minutes.`,
      );
    }
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO sign_in_attempts (name, address, ok) VALUES ($1, $2, false) RETURNING id',
      [name, address],
    );
    return rows[0]!.id;
  });
  const { rows } = await db.query<AccountRow & { password_hash: string }>(
    `SELECT ${ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE lower(name) = lower($1)`,
    [name],
  );
  const row = rows[0];
  // An unknown name costs a check as well, so timing does not tell which names exist.
  const ok =
    (await verifyPassword(password, row?.password_hash ?? (await unknownAccountHash()))) && !!row && !row.revoked_at;
  if (ok) await db.query('UPDATE sign_in_attempts SET ok = true WHERE id = $1', [attempt]);
  if (!ok || !row)
    throw new ServerError('unauthenticated', 'The name or the password is not right, or the account was revoked.');
  return row;
}

/** Signs a desktop in with its account's password (checkPassword): a new device token. */
export async function signIn(db: pg.Pool, request: SignInRequest, address: string): Promise<SignInResponse> {
  const row = await checkPassword(db, request.name, request.password, address);
  const token = crypto.randomBytes(32).toString('base64url');
  const { rows: devices } = await db.query<{ id: string }>(
    'INSERT INTO devices (account_id, name, token_sha256) VALUES ($1, $2, $3) RETURNING id',
    [row.id, request.device, sha256(token)],
  );
  await audit(db, row.id, 'signed-in', { device: devices[0]!.id, address });
  return { token, device: devices[0]!.id, account: toAccount(row) };
}

/**
 * A person changes their own password, giving the current one (counted like a sign-in). Every
 * other device of theirs signs in again; the one that asked stays signed in.
 */
export async function changeOwnPassword(
  db: pg.Pool,
  account: Account,
  device: string,
  current: string,
  next: string,
  address: string,
): Promise<void> {
  assertPasswordLength(next);
  await checkPassword(db, account.name, current, address);
  await replacePassword(db, account.id, next, device);
  await audit(db, account.id, 'password-changed', { device, address });
}

let unknownHash: Promise<string> | null = null;
const unknownAccountHash = () => (unknownHash ??= hashPassword(crypto.randomBytes(16).toString('hex')));

const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest();

/** A device's last request is noted at most this often (a note on every request would be a durable write each). */
const LAST_SEEN_EVERY = '1 minute';

/** The account and device a token belongs to, or null (unknown, revoked, or its account revoked). */
export async function authenticate(db: pg.Pool, token: string): Promise<{ account: Account; device: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const { rows } = await db.query<AccountRow & { device_id: string; stale: boolean }>(
    `SELECT a.id, a.name, a.initials, a.role, a.desks, a.created_at, a.revoked_at, d.id AS device_id,
            (d.last_seen_at IS NULL OR d.last_seen_at < now() - interval '${LAST_SEEN_EVERY}') AS stale
       FROM devices d JOIN accounts a ON a.id = d.account_id
      WHERE d.token_sha256 = $1 AND d.revoked_at IS NULL AND a.revoked_at IS NULL`,
    [sha256(token)],
  );
  const row = rows[0];
  if (!row) return null;
  // "Last seen" is a hint for operators: written without waiting for the disk, losing one to a crash costs nothing.
  if (row.stale) await noteLastSeen(db, row.device_id);
  return { account: toAccount(row), device: row.device_id };
}

async function noteLastSeen(db: pg.Pool, device: string): Promise<void> {
  await inTransaction(db, async (client) => {
    await client.query('SET LOCAL synchronous_commit TO OFF');
    await client.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [device]);
  });
}

/** Signs a device out: its token stops working. */
export async function signOut(db: pg.Pool, device: string, accountId: string): Promise<void> {
  await endDevices(db, { device, account: accountId });
  await audit(db, accountId, 'signed-out', { device });
}
