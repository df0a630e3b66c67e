import crypto from 'node:crypto';
import { unzipSync, type UnzipFileInfo } from 'fflate';
import type { z } from 'zod';
import { BylineError, describeIssues } from '../../shared/errors';
import { zipBudget } from '../import/zipGuard';
import { sniffImageType } from '../store/assets';
import {
  ASSET_ENTRY,
  AssetsSchema,
  CommentsSchema,
  ENTRY,
  isBylinePackage,
  ManifestSchema,
  PACKAGE_LIMITS as LIMIT,
  RevisionsSchema,
  SyncIdsSchema,
  type BylinePackage,
} from './packageFormat';

const KNOWN_JSON = new Set<string>(Object.values(ENTRY));
const mb = (n: number) => `${Math.round(n / 1048576)} MB`;

/**
 * Reads a package someone sent, trusting nothing in it: size, entry names and declared sizes are
 * checked before anything is decompressed; every part is schema-checked; every image must hash to
 * its name; the history must be whole. A refusal names the file and the reason.
 */
export function readPackage(bytes: Uint8Array, fileName: string): BylinePackage {
  const refuse = (why: string) =>
    new BylineError('invalid-input', `${fileName} cannot be opened: ${why}. Nothing was changed.`);
  if (bytes.byteLength > LIMIT.fileBytes)
    throw refuse(`it is ${mb(bytes.byteLength)}, and packages may be at most ${mb(LIMIT.fileBytes)}`);
  if (!isBylinePackage(bytes)) throw refuse('it is not a Byline package (a .byline file starts with its manifest)');

  const budget = zipBudget(LIMIT, refuse);
  // The filter sees each entry's name and declared sizes before it is inflated; fflate inflates
  // into a buffer of the declared size, so an entry that lies about its size cannot grow past it.
  const filter = (file: UnzipFileInfo): boolean => {
    const name = file.name;
    if (/(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[A-Za-z]:|\\|\0/.test(name))
      throw refuse(
        `it contains an entry named "${name.slice(0, 80)}", which points outside the package (a "zip slip")`,
      );
    const isJson = KNOWN_JSON.has(name);
    if (!isJson && !ASSET_ENTRY.test(name)) throw refuse(`it contains an unexpected entry "${name.slice(0, 80)}"`);
    budget(file, isJson ? LIMIT.jsonEntryBytes : LIMIT.assetBytes);
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof BylineError) throw error;
    throw refuse(`the ZIP data is damaged (${(error as Error).message})`);
  }

  const part = <S extends z.ZodType>(name: string, schema: S): z.output<S> => {
    const data = files[name];
    if (!data) throw refuse(`${name} is missing`);
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
    } catch (error) {
      throw refuse(`${name} is not valid JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw refuse(`${name} is not valid: ${describeIssues(parsed.error.issues)}`);
    return parsed.data;
  };
  const manifest = part(ENTRY.manifest, ManifestSchema);
  const revisions = part(ENTRY.revisions, RevisionsSchema);
  const comments = part(ENTRY.comments, CommentsSchema);
  const assetIndex = part(ENTRY.assets, AssetsSchema);
  const syncIds = files[ENTRY.sync] ? part(ENTRY.sync, SyncIdsSchema) : [];

  revisions.forEach((r, i) => {
    if (r.revision !== i + 1) throw refuse(`the history is not whole (revision ${i + 1} is missing)`);
    if (r.doc.id !== manifest.articleId)
      throw refuse(`revision ${r.revision} belongs to another article (${r.doc.id})`);
  });
  if (revisions.at(-1)!.revision !== manifest.revision)
    throw refuse(
      `the manifest names revision ${manifest.revision}, but the history ends at ${revisions.at(-1)!.revision}`,
    );
  checkComments(comments, refuse);

  const assets = assetIndex.map((entry) => {
    const data = files[`assets/${entry.id}`];
    if (!data) throw refuse(`the image ${entry.id.slice(0, 12)}… (${entry.originalName}) is listed but not included`);
    if (crypto.createHash('sha256').update(data).digest('hex') !== entry.id)
      throw refuse(`the image ${entry.originalName} is damaged (its content does not match its checksum)`);
    if (sniffImageType(data) !== entry.mime)
      throw refuse(`the image ${entry.originalName} is not the ${entry.mime} it claims to be`);
    return { entry, bytes: data };
  });
  const listed = new Set(assetIndex.map((a) => a.id));
  for (const name of Object.keys(files)) {
    const id = ASSET_ENTRY.exec(name)?.[1];
    if (id && !listed.has(id))
      throw refuse(`it contains an image (${id.slice(0, 12)}…) that assets.json does not list`);
  }
  return { manifest, revisions, comments, assets, syncIds };
}

function checkComments(comments: BylinePackage['comments'], refuse: (why: string) => BylineError): void {
  const byId = new Map<string, BylinePackage['comments'][number]>();
  for (const c of comments) {
    if (byId.has(c.id)) throw refuse(`comment ${c.id} appears twice`);
    byId.set(c.id, c);
  }
  for (const c of comments) {
    if (c.parentId !== null && byId.get(c.parentId)?.parentId !== null) {
      throw refuse(`the reply ${c.id} answers a comment that is not in the package`);
    }
    if ((c.parentId === null) !== (c.anchor !== null))
      throw refuse(`comment ${c.id} is anchored wrongly (only a thread's first comment has a place)`);
  }
}
