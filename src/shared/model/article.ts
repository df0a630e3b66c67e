import { z } from 'zod';
import { BlockSchema, blockText, type Block, type Credit } from './blocks';

/** BCP 47 tags as newsrooms use them: `de`, `en-GB`, `ar`, `zh-Hant-TW`. */
const LanguageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language must be a BCP 47 tag such as de or en-GB');

const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const SignOffSchema = z
  .object({
    authors: z.array(z.string().trim().min(1).max(40)).max(20),
    agencies: z.array(z.string().trim().min(1).max(40)).max(20),
  })
  .strict();
export type SignOff = z.infer<typeof SignOffSchema>;

export const ArticleStatusSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'status ids are lower-case words');

/** Fields a person writes; the store owns id, revision and the timestamps. */
const editableFields = {
  language: LanguageSchema,
  slug: z.string().max(200),
  rubric: z.string().max(200),
  kicker: z.string().max(300),
  headline: z.string().max(1000),
  teaser: z.string().max(5000),
  byline: z.string().max(500),
  dateline: z.string().max(300),
  publishedAt: IsoDateTimeSchema.nullable(),
  body: z.array(BlockSchema).max(20000),
  keywords: z.array(z.string().trim().min(1).max(200)).max(200),
  signOff: SignOffSchema,
  status: ArticleStatusSchema,
};

export const ArticleSchema = z
  .object({
    id: z.uuid(),
    revision: z.number().int().min(1),
    ...editableFields,
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema,
  })
  .strict();
export type Article = z.infer<typeof ArticleSchema>;

/**
 * What a save carries: the article as the writer last saw it. `revision` names the revision the
 * edit was based on (absent for a new article); id and timestamps may be absent for new ones.
 */
export const ArticleInputSchema = z
  .object({
    id: z.uuid().optional(),
    revision: z.number().int().min(0).optional(),
    language: LanguageSchema.default('de'),
    slug: editableFields.slug.default(''),
    rubric: editableFields.rubric.default(''),
    kicker: editableFields.kicker.default(''),
    headline: editableFields.headline.default(''),
    teaser: editableFields.teaser.default(''),
    byline: editableFields.byline.default(''),
    dateline: editableFields.dateline.default(''),
    publishedAt: editableFields.publishedAt.default(null),
    body: editableFields.body.default([]),
    keywords: editableFields.keywords.default([]),
    signOff: SignOffSchema.default({ authors: [], agencies: [] }),
    status: ArticleStatusSchema.default('draft'),
    createdAt: IsoDateTimeSchema.optional(),
    updatedAt: IsoDateTimeSchema.optional(),
  })
  .strict();
export type ArticleInput = z.input<typeof ArticleInputSchema>;
export type ParsedArticleInput = z.output<typeof ArticleInputSchema>;

/** A row of the article list: enough to show and sort, without the body. */
export const ArticleSummarySchema = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  headline: z.string(),
  rubric: z.string(),
  status: z.string(),
  language: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  snippet: z.string().optional(),
  /** Who created the article (as recorded with its first revision). */
  createdBy: z.string(),
  /** Pictures lacking a credit or alt text. */
  imageProblems: z.number().int(),
  /** Comment threads not yet resolved. */
  openComments: z.number().int(),
  /** Versions from packages that wait for a choice. */
  waiting: z.number().int(),
  /** The reason given when the article entered its status (back to the author, spiked); '' when none. */
  statusNote: z.string(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export function bodyText(body: readonly Block[]): string {
  return body.map(blockText).join('\n\n');
}

export function imageCredits(body: readonly Block[]): Credit[] {
  return body.flatMap((b) => (b.type === 'image' ? [b.credit] : []));
}

/** Nothing typed yet: no text in any field, no block, no sign-off, no keyword. */
export function isBlankArticle(
  a: Pick<
    Article,
    'rubric' | 'kicker' | 'headline' | 'teaser' | 'byline' | 'dateline' | 'body' | 'keywords' | 'signOff'
  >,
): boolean {
  return (
    ![a.rubric, a.kicker, a.headline, a.teaser, a.byline, a.dateline].some((s) => s.trim()) &&
    a.body.every((b) => b.type !== 'image' && !blockText(b).trim()) &&
    !a.keywords.length &&
    !a.signOff.authors.length &&
    !a.signOff.agencies.length
  );
}
