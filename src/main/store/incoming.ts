import zlib from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { BylineError } from '../../shared/errors';
import { RevisionRecordSchema, type IncomingVersion, type RevisionRecord } from '../../shared/model/handoff';

interface IncomingRow {
  id: number;
  received_at: string;
  sender: string;
  package_name: string;
  base_revision: number;
  revisions: Buffer;
}

/** Versions from packages that wait for a person to choose (see migration 0005). */
export class IncomingRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  add(
    articleId: string,
    input: { sender: string; packageName: string; baseRevision: number; revisions: readonly RevisionRecord[] },
  ): IncomingVersion {
    const pk = this.pk(articleId);
    const blob = zlib.deflateRawSync(Buffer.from(JSON.stringify(input.revisions), 'utf8'));
    const id = Number(
      this.db
        .prepare(
          'INSERT INTO incoming_versions (article_pk, received_at, sender, package_name, base_revision, revisions) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(pk, this.now(), input.sender, input.packageName, input.baseRevision, blob).lastInsertRowid,
    );
    return this.get(articleId, id);
  }

  /** The versions still waiting for a choice, oldest first. */
  pending(articleId: string): IncomingVersion[] {
    const rows = this.db
      .prepare('SELECT * FROM incoming_versions WHERE article_pk = ? AND resolved_at IS NULL ORDER BY id')
      .all(this.pk(articleId)) as IncomingRow[];
    return rows.map(fromRow);
  }

  /** Every revision that came with a version (for a package that passes it on). */
  records(articleId: string, id: number): RevisionRecord[] {
    return decodeRecords(this.row(articleId, id).revisions);
  }

  get(articleId: string, id: number): IncomingVersion {
    return fromRow(this.row(articleId, id));
  }

  markResolved(articleId: string, id: number, actor: string, resolution: string): void {
    const info = this.db
      .prepare(
        'UPDATE incoming_versions SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND article_pk = ? AND resolved_at IS NULL',
      )
      .run(this.now(), actor, resolution, id, this.pk(articleId));
    if (info.changes === 0) throw new BylineError('conflict', `The incoming version ${id} was already dealt with.`);
  }

  private row(articleId: string, id: number): IncomingRow {
    const row = this.db
      .prepare('SELECT * FROM incoming_versions WHERE id = ? AND article_pk = ?')
      .get(id, this.pk(articleId)) as IncomingRow | undefined;
    if (!row) throw new BylineError('not-found', `Article ${articleId} has no incoming version ${id}.`);
    return row;
  }

  private pk(articleId: string): number {
    const pk = this.db.prepare('SELECT pk FROM articles WHERE id = ?').pluck().get(articleId) as number | undefined;
    if (pk === undefined) throw new BylineError('not-found', `No article with id ${articleId}.`);
    return pk;
  }
}

function decodeRecords(blob: Buffer): RevisionRecord[] {
  return RevisionRecordSchema.array().parse(JSON.parse(zlib.inflateRawSync(blob).toString('utf8')));
}

function fromRow(row: IncomingRow): IncomingVersion {
  const records = decodeRecords(row.revisions);
  return {
    id: row.id,
    receivedAt: row.received_at,
    sender: row.sender,
    packageName: row.package_name,
    baseRevision: row.base_revision,
    revisions: records.map(({ doc: _doc, ...info }) => info),
    theirs: records.at(-1)!.doc,
  };
}
