// How a page read by guesswork (copied page text) was mapped onto the article, line by line: shown
// to the person beside the article, corrected by them, and printed by `byline import --explain`.
import { z } from 'zod';

export const LINE_ROLES = [
  'rubric',
  'kicker',
  'headline',
  'teaser',
  'byline',
  'date',
  'paragraph',
  'subhead',
  'list',
  'caption',
  'credit',
  'signOff',
  'keywords',
  'page',
] as const;
export const LineRoleSchema = z.enum(LINE_ROLES);
export type LineRole = z.infer<typeof LineRoleSchema>;
/** Fields an article has once; the others (paragraphs, keywords …) take many lines. */
export const SINGLE_ROLES: ReadonlySet<LineRole> = new Set<LineRole>([
  'rubric',
  'kicker',
  'headline',
  'teaser',
  'byline',
  'date',
  'signOff',
]);

/** What each role is called where a person sees it (English for now; the codes are what programs use). */
export const LINE_ROLE_LABELS: Record<LineRole, string> = {
  rubric: 'Rubric',
  kicker: 'Kicker',
  headline: 'Headline',
  teaser: 'Teaser',
  byline: 'Byline',
  date: 'Date',
  paragraph: 'Paragraph',
  subhead: 'Subhead',
  list: 'List item',
  caption: 'Caption',
  credit: 'Credit',
  signOff: 'Sign-off',
  keywords: 'Keyword',
  page: 'Not in article',
};

/** A person's correction: this source line (0-based) has this role; `page` puts it out of the article. */
export const LineFixSchema = z.object({ line: z.number().int().min(0).max(1_000_000), role: LineRoleSchema }).strict();
export type LineFix = z.infer<typeof LineFixSchema>;

export interface SourceLine {
  /** 0-based line of the source text. */
  line: number;
  /** The last source line it takes up, when copy wrapped at a fixed width was joined. */
  to: number;
  text: string;
  role: LineRole;
  /** Set by a person's correction rather than guessed. */
  fixed: boolean;
}
