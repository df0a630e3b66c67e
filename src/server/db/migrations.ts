// The newsroom server's schema, as numbered migrations like the desktop's SQLite store: each runs
// once, in order, in one transaction. An advisory lock lets several server instances start
// against one database without two of them migrating at once.
import type pg from 'pg';
import { inTransaction } from './transaction';

export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  {
    version: 1,
    name: 'accounts',
    sql: `
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        initials text NOT NULL CHECK (length(initials) BETWEEN 1 AND 12),
        role text NOT NULL CHECK (role IN ('journalist', 'desk', 'photo', 'admin')),
        desks text[] NOT NULL DEFAULT '{}',
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      -- A desktop signs in once and keeps a device token; only its SHA-256 is stored.
      CREATE TABLE devices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id),
        name text NOT NULL,
        token_sha256 bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX devices_by_account ON devices (account_id);
      -- Sign-in attempts, for the rate limit (by account name and by address).
      CREATE TABLE sign_in_attempts (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        name text NOT NULL,
        address text NOT NULL,
        ok boolean NOT NULL
      );
      CREATE INDEX sign_in_attempts_by_name ON sign_in_attempts (name, at);
      CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts (address, at);
      -- Who did what, kept: sign-ins, account changes, and (with sync) status steps.
      CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        account_id uuid REFERENCES accounts (id),
        kind text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      );
    `,
  },
  {
    version: 2,
    name: 'articles-and-records',
    sql: `
      -- Who may see an article: its author, the people of its desk, those it is assigned to (and admins).
      CREATE TABLE articles (
        id uuid PRIMARY KEY,
        created_by uuid NOT NULL REFERENCES accounts (id),
        desk text,
        assigned_to uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX articles_by_desk ON articles (desk);
      -- The append-only history every desktop syncs: each accepted record gets the next number in
      -- the transaction that stores it, so "everything since N" never misses one.
      CREATE TABLE records (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        article_id uuid NOT NULL REFERENCES articles (id),
        kind text NOT NULL CHECK (kind IN ('revision', 'comment')),
        parents uuid[] NOT NULL DEFAULT '{}',
        account_id uuid NOT NULL REFERENCES accounts (id),
        body jsonb NOT NULL,
        accepted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX records_by_article ON records (article_id, seq);
    `,
  },
  {
    version: 3,
    name: 'comments-by-id',
    sql: `
      -- A comment's states (written, resolved, reopened) are records of their own; replies and
      -- checks find a comment by its id inside the record.
      CREATE INDEX records_by_comment ON records ((body->'comment'->>'id')) WHERE kind = 'comment';
    `,
  },
  {
    version: 4,
    name: 'pictures',
    sql: `
      -- Pictures' bytes, content-addressed by SHA-256: uploaded once, in chunks, resumable. A
      -- picture is complete when all its bytes came and their SHA-256 is its name.
      CREATE TABLE blobs (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL CHECK (size > 0),
        received bigint NOT NULL DEFAULT 0,
        complete boolean NOT NULL DEFAULT false,
        uploaded_by uuid NOT NULL REFERENCES accounts (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE blob_chunks (
        sha256 text NOT NULL REFERENCES blobs (sha256) ON DELETE CASCADE,
        start_at bigint NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (sha256, start_at)
      );
    `,
  },
  {
    version: 5,
    name: 'assignments',
    sql: `
      -- Who an article is assigned to and its desk, as records in the histories' order: an account
      -- that can see an article only from then on is given its whole history.
      ALTER TABLE records DROP CONSTRAINT records_kind_check;
      ALTER TABLE records ADD CONSTRAINT records_kind_check CHECK (kind IN ('revision', 'comment', 'assignment'));
    `,
  },
];

export const LATEST_SERVER_SCHEMA = SERVER_MIGRATIONS.length;
/** Any number, the same in every instance: the key of the advisory lock migrations take. */
const MIGRATION_LOCK = 0x6279_6c6e;

/** Applies the migrations a database lacks; returns the versions applied. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const newer = [...done].filter((v) => v > LATEST_SERVER_SCHEMA);
    if (newer.length)
      throw new Error(
        `The database has schema version ${Math.max(...newer)}, newer than this server knows (${LATEST_SERVER_SCHEMA}); upgrade the server.`,
      );
    const applied: number[] = [];
    for (const m of SERVER_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
