import zlib from 'node:zlib';
import { ArticleSchema, type Article } from '../../shared/model/article';

/** Revisions are stored as deflated JSON: whole snapshots (any one readable alone), a few times smaller. */
export function encodeRevision(article: Article): Buffer {
  return zlib.deflateRawSync(Buffer.from(JSON.stringify(article), 'utf8'), { level: 6 });
}

export function decodeRevision(blob: Buffer): Article {
  return ArticleSchema.parse(JSON.parse(zlib.inflateRawSync(blob).toString('utf8')));
}
