import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  addAccount,
  authenticate,
  changeOwnPassword,
  listAccounts,
  revokeAccount,
  setPassword,
  SIGN_IN_LIMIT,
  signIn,
  signOut,
  verifyPassword,
} from '../../src/server/accounts';
import { LATEST_SERVER_SCHEMA, migrate } from '../../src/server/db/migrations';
import { NO_POSTGRES, usePostgres } from '../helpers/postgres';

describe.skipIf(!!NO_POSTGRES)('newsroom accounts on a real PostgreSQL', () => {
  const pgs = usePostgres();

  it('migrates once, also when two instances start at the same moment', async () => {
    const other = new pg.Pool({ connectionString: pgs.cluster().url, max: 2 });
    try {
      const [a, b] = await Promise.all([migrate(pgs.db()), migrate(other)]);
      expect([...a, ...b].sort()).toEqual(Array.from({ length: LATEST_SERVER_SCHEMA }, (_, i) => i + 1));
      expect(await migrate(pgs.db())).toEqual([]);
    } finally {
      await other.end();
    }
  });

  it('adds accounts with scrypt-hashed passwords, signs a device in, knows its token, and forgets it on sign-out', async () => {
    await migrate(pgs.db());
    const { account, password } = await addAccount(pgs.db(), {
      name: 'Anna Muster',
      initials: 'am',
      role: 'journalist',
      desks: ['Politik'],
    });
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const stored = (await pgs.db().query('SELECT password_hash FROM accounts WHERE id = $1', [account.id])).rows[0]
      .password_hash as string;
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain(password);
    expect(await verifyPassword(password, stored)).toBe(true);
    await expect(addAccount(pgs.db(), { name: 'anna muster', initials: 'x', role: 'desk' })).rejects.toThrow(
      'There is already an account named “anna muster”.',
    );

    const session = await signIn(pgs.db(), { name: 'Anna Muster', password, device: 'Laptop Anna' }, '127.0.0.1');
    expect(session.account).toMatchObject({
      name: 'Anna Muster',
      initials: 'am',
      role: 'journalist',
      desks: ['Politik'],
    });
    // Only the token's hash is stored.
    const tokens = (await pgs.db().query('SELECT token_sha256 FROM devices')).rows.map((r) =>
      (r.token_sha256 as Buffer).toString('latin1'),
    );
    expect(tokens.join('')).not.toContain(session.token);
    expect((await authenticate(pgs.db(), session.token))?.account.name).toBe('Anna Muster');
    await signOut(pgs.db(), session.device, session.account.id);
    expect(await authenticate(pgs.db(), session.token)).toBeNull();
    expect(await authenticate(pgs.db(), "x' OR '1'='1")).toBeNull();
  });

  it('refuses a wrong password the same way as an unknown name, and stops guessing after five failures', async () => {
    await migrate(pgs.db());
    const { password } = await addAccount(pgs.db(), { name: 'Ben Desk', initials: 'bd', role: 'desk' });
    await expect(
      signIn(pgs.db(), { name: 'Ben Desk', password: 'falsch', device: 'x' }, '10.0.0.9'),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(
      signIn(pgs.db(), { name: 'Niemand', password: 'falsch', device: 'x' }, '10.0.0.9'),
    ).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'The name or the password is not right, or the account was revoked.',
    });
    for (let i = 0; i < SIGN_IN_LIMIT.failures - 2; i++)
      await expect(
        signIn(pgs.db(), { name: 'Ben Desk', password: `falsch${i}`, device: 'x' }, '10.0.0.9'),
      ).rejects.toMatchObject({ code: 'unauthenticated' });
    // Five failures from this address: even the right password waits now.
    await expect(signIn(pgs.db(), { name: 'Ben Desk', password, device: 'x' }, '10.0.0.9')).rejects.toMatchObject({
      code: 'rate-limited',
    });
    const attempts = (
      await pgs.db().query("SELECT count(*)::int AS n FROM sign_in_attempts WHERE address = '10.0.0.9'")
    ).rows[0].n;
    expect(attempts).toBe(SIGN_IN_LIMIT.failures);
  });

  it('guesses sent all at once are limited like guesses one by one: no more than five are checked against the password', async () => {
    await migrate(pgs.db());
    const { password } = await addAccount(pgs.db(), { name: 'Paula Parallel', initials: 'pp', role: 'journalist' });
    const guesses = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        signIn(pgs.db(), { name: 'Paula Parallel', password: `rate${i}`, device: 'x' }, '10.0.0.40'),
      ),
    );
    const codes = guesses.map((g) => (g.status === 'rejected' ? (g.reason as { code: string }).code : 'signed-in'));
    expect(codes.filter((c) => c === 'unauthenticated')).toHaveLength(SIGN_IN_LIMIT.failures);
    expect(codes.filter((c) => c === 'rate-limited')).toHaveLength(40 - SIGN_IN_LIMIT.failures);
    const attempts = (
      await pgs.db().query("SELECT count(*)::int AS n FROM sign_in_attempts WHERE address = '10.0.0.40'")
    ).rows[0].n;
    expect(attempts).toBe(SIGN_IN_LIMIT.failures);
    // The right password from elsewhere, while the name is locked out, waits too.
    await expect(
      signIn(pgs.db(), { name: 'Paula Parallel', password, device: 'x' }, '10.0.0.41'),
    ).rejects.toMatchObject({ code: 'rate-limited' });
  });

  it('a new password replaces the old and ends every device’s sign-in; revoking an account stops every device it signed in from', async () => {
    await migrate(pgs.db());
    const { password } = await addAccount(pgs.db(), { name: 'Carla Foto', initials: 'cf', role: 'photo' });
    const a = await signIn(pgs.db(), { name: 'Carla Foto', password, device: 'Laptop' }, '127.0.0.2');
    const b = await signIn(pgs.db(), { name: 'Carla Foto', password, device: 'Desktop' }, '127.0.0.2');
    await setPassword(pgs.db(), 'Carla Foto', 'ein neues langes Passwort');
    await expect(signIn(pgs.db(), { name: 'Carla Foto', password, device: 'x' }, '127.0.0.2')).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(setPassword(pgs.db(), 'Carla Foto', 'kurz')).rejects.toThrow('at least 12 characters');
    // Whoever held the old password is out: every device signs in again, with the new one.
    expect(await authenticate(pgs.db(), a.token)).toBeNull();
    expect(await authenticate(pgs.db(), b.token)).toBeNull();
    const c = await signIn(
      pgs.db(),
      { name: 'Carla Foto', password: 'ein neues langes Passwort', device: 'Laptop' },
      '127.0.0.2',
    );
    expect(await authenticate(pgs.db(), c.token)).not.toBeNull();
    const revoked = await revokeAccount(pgs.db(), 'Carla Foto');
    expect(revoked.revokedAt).not.toBeNull();
    expect(await authenticate(pgs.db(), c.token)).toBeNull();
    await expect(
      signIn(pgs.db(), { name: 'Carla Foto', password: 'ein neues langes Passwort', device: 'x' }, '127.0.0.3'),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    expect((await listAccounts(pgs.db())).find((x) => x.name === 'Carla Foto')?.revokedAt).not.toBeNull();
    const kinds = (
      await pgs.db().query('SELECT kind FROM audit WHERE account_id = $1 ORDER BY id', [revoked.id])
    ).rows.map((r) => r.kind);
    expect(kinds).toEqual(['account-added', 'signed-in', 'signed-in', 'password-set', 'signed-in', 'account-revoked']);
  });

  it('a person changes their own password with the current one: their other devices sign in again, this one stays', async () => {
    await migrate(pgs.db());
    const { password } = await addAccount(pgs.db(), { name: 'Olga Eigen', initials: 'oe', role: 'journalist' });
    const here = await signIn(pgs.db(), { name: 'Olga Eigen', password, device: 'Laptop' }, '127.0.0.4');
    const there = await signIn(pgs.db(), { name: 'Olga Eigen', password, device: 'Desktop' }, '127.0.0.4');
    const me = (await authenticate(pgs.db(), here.token))!;
    await expect(
      changeOwnPassword(pgs.db(), me.account, me.device, 'falsch', 'ein ganz neues Passwort', '127.0.0.4'),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(
      changeOwnPassword(pgs.db(), me.account, me.device, password, 'kurz', '127.0.0.4'),
    ).rejects.toMatchObject({ code: 'bad-request' });
    await changeOwnPassword(pgs.db(), me.account, me.device, password, 'ein ganz neues Passwort', '127.0.0.4');
    expect(await authenticate(pgs.db(), here.token)).not.toBeNull();
    expect(await authenticate(pgs.db(), there.token)).toBeNull();
    await expect(signIn(pgs.db(), { name: 'Olga Eigen', password, device: 'x' }, '127.0.0.4')).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(
      (await signIn(pgs.db(), { name: 'Olga Eigen', password: 'ein ganz neues Passwort', device: 'x' }, '127.0.0.4'))
        .token,
    ).toBeTruthy();
  });
});
