import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { BylineError } from '../../shared/errors';
import { MAX_PICTURE_BYTES } from '../../shared/model/photo';
import { fsyncDirectory, writeFileDurably } from './fsync';

export interface AssetInfo {
  id: string;
  mime: string;
  byteSize: number;
  originalName: string;
  createdAt: string;
  metadata: Record<string, unknown>;
}

export const MAX_ASSET_BYTES = MAX_PICTURE_BYTES;

export type RenditionKind = 'thumbnail' | 'display';

/** Image types recognised by their first bytes, never by the file name. */
export function sniffImageType(bytes: Uint8Array): string | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 16));
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) return 'image/gif';
  if (b.length >= 4 && (b.toString('latin1', 0, 4) === 'II*\0' || b.toString('latin1', 0, 4) === 'MM\0*'))
    return 'image/tiff';
  if (
    b.length >= 12 &&
    b.toString('latin1', 4, 8) === 'ftyp' &&
    /^(heic|heix|mif1|msf1|heim|heis)$/.test(b.toString('latin1', 8, 12))
  )
    return 'image/heic';
  return null;
}

/**
 * Images are stored once per content: the file name is the SHA-256 of the bytes, which never change.
 * The file is on disk (fsynced) before its row is committed, so a row always has its file.
 */
export class AssetStore {
  /** While `removingNewFilesOnFailure` runs: the ids whose files `add` wrote. */
  private newFiles: string[] | null = null;

  constructor(
    private readonly db: Database,
    readonly dir: string,
  ) {}

  add(bytes: Uint8Array, originalName: string, metadata: Record<string, unknown> = {}): AssetInfo {
    if (bytes.byteLength > MAX_ASSET_BYTES) {
      throw new BylineError(
        'invalid-input',
        `${originalName} is ${(bytes.byteLength / 1048576).toFixed(1)} MB; images may be at most ${MAX_ASSET_BYTES / 1048576} MB. Nothing was stored.`,
      );
    }
    const mime = sniffImageType(bytes);
    if (!mime) {
      throw new BylineError(
        'invalid-input',
        `${originalName} is not an image Byline can store (JPEG, PNG, WebP, GIF, TIFF or HEIC). Nothing was stored.`,
      );
    }
    const id = crypto.createHash('sha256').update(bytes).digest('hex');
    const existing = this.find(id);
    if (existing) return existing;

    const file = this.pathOf(id);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fsyncDirectory(this.dir);
      writeFileDurably(file, bytes);
      this.newFiles?.push(id);
    }
    const createdAt = new Date().toISOString();
    this.db
      .prepare(
        'INSERT INTO assets (id, mime, byte_size, original_name, created_at, metadata) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, mime, bytes.byteLength, originalName, createdAt, JSON.stringify(metadata));
    return { id, mime, byteSize: bytes.byteLength, originalName, createdAt, metadata };
  }

  /**
   * Runs `fn` (a transaction); when it throws, the picture files it wrote whose rows are not there
   * (rolled back with it) are removed, so a failed transaction leaves no file behind either.
   */
  removingNewFilesOnFailure<T>(fn: () => T): T {
    const outer = this.newFiles;
    const mine: string[] = [];
    this.newFiles = mine;
    try {
      return fn();
    } catch (error) {
      for (const id of mine) if (!this.find(id)) fs.rmSync(this.pathOf(id), { force: true });
      throw error;
    } finally {
      this.newFiles = outer;
      outer?.push(...mine);
    }
  }

  find(id: string): AssetInfo | undefined {
    const row = this.db
      .prepare(
        'SELECT id, mime, byte_size AS byteSize, original_name AS originalName, created_at AS createdAt, metadata FROM assets WHERE id = ?',
      )
      .get(id) as (Omit<AssetInfo, 'metadata'> & { metadata: string }) | undefined;
    return row ? { ...row, metadata: JSON.parse(row.metadata) as Record<string, unknown> } : undefined;
  }

  read(id: string): Buffer {
    if (!this.find(id)) throw new BylineError('not-found', `No image ${id} in the store.`);
    return fs.readFileSync(this.pathOf(id));
  }

  pathOf(id: string): string {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new BylineError('invalid-input', `"${id}" is not an asset id.`);
    return path.join(this.dir, id.slice(0, 2), id);
  }

  /** Replaces what the store knows about a picture (not its bytes, which never change). */
  setMetadata(id: string, metadata: Record<string, unknown>): void {
    const info = this.db.prepare('UPDATE assets SET metadata = ? WHERE id = ?').run(JSON.stringify(metadata), id);
    if (info.changes === 0) throw new BylineError('not-found', `No image ${id} in the store.`);
  }

  /** Renditions (thumbnail, display) are derived files: written durably, but could be made again. */
  writeRenditions(id: string, renditions: Record<RenditionKind, Uint8Array>): void {
    for (const [kind, bytes] of Object.entries(renditions) as [RenditionKind, Uint8Array][]) {
      const file = this.renditionPath(id, kind);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileDurably(file, bytes);
      this.newFiles?.push(id);
    }
  }

  /** The rendition's bytes, or null when there is none (a format libvips cannot read, an old picture). */
  readRendition(id: string, kind: RenditionKind): Buffer | null {
    try {
      return fs.readFileSync(this.renditionPath(id, kind));
    } catch {
      return null;
    }
  }

  renditionPath(id: string, kind: RenditionKind): string {
    return path.join(path.dirname(this.pathOf(id)), 'renditions', `${id}.${kind}.webp`);
  }

  ids(): string[] {
    return this.db.prepare('SELECT id FROM assets ORDER BY id').pluck().all() as string[];
  }
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
