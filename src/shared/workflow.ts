import { hasCredit } from './format/credit';
import { creditConflicts } from './format/creditFromMetadata';
import type { HouseStyle, Status, StatusRequirement } from './houseStyle';
import type { Article } from './model/article';
import type { Block } from './model/blocks';
import type { PhotoMetadata } from './model/photo';

type Checked = Pick<Article, 'headline' | 'teaser' | 'byline' | 'signOff' | 'keywords' | 'body'>;

/** What a picture's file said, by asset id; where it is not known, credits are not compared with it. */
export type PhotoLookup = (assetId: string) => PhotoMetadata | undefined;

const pictureName = (b: Extract<Block, { type: 'image' }>, i: number) => `the picture at block ${i + 1}${b.caption ? ` ("${b.caption.slice(0, 40)}")` : ''}`;

/** Pictures whose credit contradicts their file, each named with what is wrong. */
export function creditContradictions(body: readonly Block[], photos: PhotoLookup | undefined): string[] {
  if (!photos) return [];
  return body.flatMap((b, i) => {
    if (b.type !== 'image') return [];
    const embedded = photos(b.assetId);
    const problems = embedded ? creditConflicts(b.credit, embedded) : [];
    return problems.length ? [`a credit for ${pictureName(b, i)} that agrees with its file (${problems.join('; ')})`] : [];
  });
}

/** Each requirement as a test and the words that name what is missing. */
const REQUIREMENTS: Record<StatusRequirement, (a: Checked, photos?: PhotoLookup) => string[]> = {
  headline: (a) => (a.headline.trim() ? [] : ['a headline']),
  teaser: (a) => (a.teaser.trim() ? [] : ['a teaser']),
  byline: (a) => (a.byline.trim() ? [] : ['a byline']),
  signOff: (a) => (a.signOff.authors.length || a.signOff.agencies.length ? [] : ['a sign-off']),
  keywords: (a) => (a.keywords.length ? [] : ['keywords']),
  imageCredits: (a, photos) => [
    ...a.body.flatMap((b, i) => (b.type === 'image' && !hasCredit(b.credit) ? [`a credit for ${pictureName(b, i)}`] : [])),
    ...creditContradictions(a.body, photos),
  ],
  imageAlt: (a) => a.body.flatMap((b, i) => (b.type === 'image' && !b.alt.trim() ? [`alt text for ${pictureName(b, i)}`] : [])),
};

/**
 * What stops one picture going out, in words: no credit, no alt text, and each way its credit
 * contradicts what its file said (when that is known). The editor, the photo desk and the desk
 * queue all show this list.
 */
export function pictureProblems(image: Pick<Extract<Block, { type: 'image' }>, 'credit' | 'alt'>, embedded: PhotoMetadata | null | undefined): string[] {
  return [...(hasCredit(image.credit) ? [] : ['no credit']), ...(image.alt.trim() ? [] : ['no alt text']), ...(embedded ? creditConflicts(image.credit, embedded) : [])];
}

/** How many pictures have a problem (pictureProblems): the desk queue's "image problems". */
export function imageProblems(article: Pick<Article, 'body'>, photos?: PhotoLookup): number {
  return article.body.filter((b) => b.type === 'image' && pictureProblems(b, photos?.(b.assetId)).length > 0).length;
}

export function statusOf(style: HouseStyle, id: string): Status | undefined {
  return style.statuses.find((s) => s.id === id);
}

/** What the article lacks for a status, in words ("a teaser", "a credit for the picture at block 3"). */
export function missingFor(article: Checked, status: Status, photos?: PhotoLookup): string[] {
  return status.requires.flatMap((r) => REQUIREMENTS[r](article, photos));
}

/** The statuses an article may move to from `from`, in the house style's order. */
export function nextStatuses(style: HouseStyle, from: string): Status[] {
  const targets = new Set(style.transitions[from] ?? []);
  return style.statuses.filter((s) => targets.has(s.id));
}

/**
 * Why an article may not move from its status to `to`, or null when it may. The same rules run
 * in the main process (which decides) and in the page (which shows what is missing up front).
 */
export function transitionProblem(article: Checked & { status: string }, to: string, style: HouseStyle, reason = '', photos?: PhotoLookup): string | null {
  const from = statusOf(style, article.status);
  const target = statusOf(style, to);
  if (!target) return `"${to}" is not a status in the house style (${style.statuses.map((s) => s.id).join(', ')}).`;
  const label = (s: Status | undefined, id: string) => s?.label ?? id;
  if (!nextStatuses(style, article.status).some((s) => s.id === to)) {
    const allowed = nextStatuses(style, article.status).map((s) => s.label);
    return `An article cannot go from ${label(from, article.status)} to ${target.label}${allowed.length ? `; from ${label(from, article.status)} it can go to ${allowed.join(', ')}` : ''}.`;
  }
  const missing = missingFor(article, target, photos);
  if (missing.length) return `The article cannot be ${target.label} yet: it needs ${missing.join(', ')}.`;
  if (target.reasonRequired && !reason.trim()) return `Moving an article to ${target.label} needs a reason.`;
  return null;
}

/**
 * The step that brought the article into its present status: the latest revision whose
 * predecessor had another status (revisions in any order). Null for an article never moved.
 */
export function currentStatusStep<R extends { revision: number; status: string }>(revisions: readonly R[]): R | null {
  const ordered = [...revisions].sort((a, b) => a.revision - b.revision);
  for (let i = ordered.length - 1; i > 0; i--) {
    if (ordered[i]!.status !== ordered[i - 1]!.status) return ordered[i]!;
  }
  return null;
}
