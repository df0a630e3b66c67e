import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { BylineError, describeIssues } from '../../shared/errors';
import { actorName, ProfileSchema, type Profile } from '../../shared/model/profile';

/** The machine's user name, for saves made before a profile is set. */
export function osUserName(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The local profile, kept in the store's settings (so a backup carries it). */
export class ProfileStore {
  constructor(private readonly db: Database) {}

  get(): Profile | null {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'profile'").pluck().get() as string | undefined;
    if (!row) return null;
    const parsed = ProfileSchema.safeParse(JSON.parse(row));
    return parsed.success ? parsed.data : null;
  }

  set(input: unknown): Profile {
    const parsed = ProfileSchema.safeParse(input);
    if (!parsed.success)
      throw new BylineError(
        'invalid-input',
        `The profile is not valid: ${describeIssues(parsed.error.issues)}. Nothing was saved.`,
      );
    this.db
      .prepare(
        "INSERT INTO settings (key, value) VALUES ('profile', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(JSON.stringify(parsed.data));
    return parsed.data;
  }

  /** Who a save is recorded as: the profile, else the machine's user name. */
  actor(): string {
    const profile = this.get();
    return profile ? actorName(profile) : osUserName();
  }
}
