import { hasCredit } from './format/credit';
import { creditConflicts } from './format/creditFromMetadata';
import type { HouseStyle, Status, StatusRequirement } from './houseStyle';
import type { ProfileRole } from './model/profile';
import type { Article } from './model/article';
import type { Block } from './model/blocks';
import type { PhotoMetadata } from './model/photo';

type Checked = Pick<Article, 'headline' | 'teaser' | 'byline' | 'signOff' | 'keywords' | 'body'>;

/** What a person is sent to when something is missing: a field, or one part of one picture. */
export type MissingTarget =
  | { kind: 'field'; field: 'headline' | 'teaser' | 'byline' | 'signOff' | 'keywords' }
  | {
      kind: 'image';
      /** null: the picture's file is missing. */ assetId: string | null;
      /** Which picture, counting pictures only, from 0. */ nth: number;
      part: 'credit' | 'alt' | 'file';
    };

/** One thing an article lacks: a code for programs (and translations), words, and where to fix it. */
export interface Missing {
  code:
    | 'headline'
    | 'teaser'
    | 'byline'
    | 'signOff'
    | 'keywords'
    | 'imageFile'
    | 'imageCredit'
    | 'imageAlt'
    | 'imageCreditConflict';
  text: string;
  target: MissingTarget;
}

/** What the article lacks, as one line (the CLI and error messages). */
export const listMissing = (missing: readonly Missing[]) => missing.map((m) => m.text).join(', ');

/** The picture a person sees: "the second picture (“After digging the furrows…”)". */
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
export function describePicture(nth: number, caption: string): string {
  const which = nth < ORDINALS.length ? `the ${ORDINALS[nth]} picture` : `picture ${nth + 1}`;
  const short = shortenAtWord(caption.trim(), 40);
  return short ? `${which} (“${short}”)` : which;
}

/** At most `max` characters, cut before a word, never inside one. */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const at = cut.search(/\s\S*$/);
  return `${(at > 0 ? cut.slice(0, at) : text.slice(0, max)).replace(/[\s,;:.–-]+$/u, '')}…`;
}

type Picture = { block: Extract<Block, { type: 'image' }>; nth: number };

/** Every picture of a body with its place among the pictures. */
function pictures(body: readonly Block[]): Picture[] {
  return body
    .filter((b): b is Extract<Block, { type: 'image' }> => b.type === 'image')
    .map((block, nth) => ({ block, nth }));
}

/** What a picture's file said, by asset id; where it is not known, credits are not compared with it. */
export type PhotoLookup = (assetId: string) => PhotoMetadata | undefined;

/** One thing a picture lacks, named as the person sees the picture, pointing at the box to fix. */
const pictureMissing = (
  code: 'imageFile' | 'imageCredit' | 'imageAlt' | 'imageCreditConflict',
  { block, nth }: Picture,
  what: (picture: string) => string,
): Missing => ({
  code,
  text: what(describePicture(nth, block.caption)),
  target: {
    kind: 'image',
    assetId: block.assetId,
    nth,
    part: code === 'imageAlt' ? 'alt' : code === 'imageFile' ? 'file' : 'credit',
  },
});

/** Pictures whose credit contradicts their file, each named with what is wrong. */
export function creditContradictions(body: readonly Block[], photos: PhotoLookup | undefined): Missing[] {
  if (!photos) return [];
  return pictures(body).flatMap((p) => {
    const embedded = p.block.assetId ? photos(p.block.assetId) : undefined;
    const problems = embedded ? creditConflicts(p.block.credit, embedded) : [];
    return problems.length
      ? [
          pictureMissing(
            'imageCreditConflict',
            p,
            (picture) => `a credit for ${picture} that agrees with its file (${problems.join('; ')})`,
          ),
        ]
      : [];
  });
}

const field = (
  code: Missing['code'] & ('headline' | 'teaser' | 'byline' | 'signOff' | 'keywords'),
  text: string,
): Missing => ({ code, text, target: { kind: 'field', field: code } });

/** Each requirement as a test and the words that name what is missing. */
const REQUIREMENTS: Record<StatusRequirement, (a: Checked, photos?: PhotoLookup) => Missing[]> = {
  headline: (a) => (a.headline.trim() ? [] : [field('headline', 'a headline')]),
  teaser: (a) => (a.teaser.trim() ? [] : [field('teaser', 'a teaser')]),
  byline: (a) => (a.byline.trim() ? [] : [field('byline', 'a byline')]),
  signOff: (a) => (a.signOff.authors.length || a.signOff.agencies.length ? [] : [field('signOff', 'a sign-off')]),
  keywords: (a) => (a.keywords.length ? [] : [field('keywords', 'keywords')]),
  // A credit is checked against its picture's file: a picture whose file is missing cannot pass.
  imageCredits: (a, photos) => [
    ...pictures(a.body).flatMap((p) =>
      p.block.assetId
        ? []
        : [pictureMissing('imageFile', p, (picture) => `the file of ${picture} (only its caption and credit came in)`)],
    ),
    ...pictures(a.body).flatMap((p) =>
      hasCredit(p.block.credit) ? [] : [pictureMissing('imageCredit', p, (picture) => `a credit for ${picture}`)],
    ),
    ...creditContradictions(a.body, photos),
  ],
  imageAlt: (a) =>
    pictures(a.body).flatMap((p) =>
      p.block.alt.trim() ? [] : [pictureMissing('imageAlt', p, (picture) => `alt text for ${picture}`)],
    ),
};

/** What every exchange format needs before an article may leave Byline. */
export const EXPORT_REQUIREMENTS: readonly StatusRequirement[] = ['headline', 'imageCredits', 'imageAlt'];

/** What the article lacks for a set of requirements, in order. */
export function missingOf(article: Checked, requires: readonly StatusRequirement[], photos?: PhotoLookup): Missing[] {
  return requires.flatMap((r) => REQUIREMENTS[r](article, photos));
}

/**
 * What stops one picture going out, in words: no credit, no alt text, and each way its credit
 * contradicts what its file said (when that is known). The editor, the photo desk and the desk
 * queue all show this list.
 */
export function pictureProblems(
  image: Pick<Extract<Block, { type: 'image' }>, 'assetId' | 'credit' | 'alt'>,
  embedded: PhotoMetadata | null | undefined,
): string[] {
  return [
    ...(image.assetId ? [] : ['file missing']),
    ...(hasCredit(image.credit) ? [] : ['no credit']),
    ...(image.alt.trim() ? [] : ['no alt text']),
    ...(embedded ? creditConflicts(image.credit, embedded) : []),
  ];
}

/** How many pictures have a problem (pictureProblems): the desk queue's "image problems". */
export function imageProblems(article: Pick<Article, 'body'>, photos?: PhotoLookup): number {
  return article.body.filter(
    (b) => b.type === 'image' && pictureProblems(b, b.assetId ? photos?.(b.assetId) : undefined).length > 0,
  ).length;
}

export function statusOf(style: HouseStyle, id: string): Status | undefined {
  return style.statuses.find((s) => s.id === id);
}

/** A status as people read it ("In review"); its id when the house style does not know it. */
export function statusLabel(style: HouseStyle, id: string): string {
  return statusOf(style, id)?.label ?? id;
}

/** What the article lacks for a status ("a teaser", "a credit for the second picture (“…”)"). */
export function missingFor(article: Checked, status: Status, photos?: PhotoLookup): Missing[] {
  return missingOf(article, status.requires, photos);
}

/** The statuses an article may move to from `from`, in the house style's order. */
export function nextStatuses(style: HouseStyle, from: string): Status[] {
  const targets = new Set(style.transitions[from] ?? []);
  return style.statuses.filter((s) => targets.has(s.id));
}

/** Why a step was refused: a code for programs, a sentence for people, and what is missing. */
export interface StepRefusal {
  code: 'unknown-status' | 'not-allowed' | 'missing' | 'reason-needed' | 'role' | 'own-article' | 'open-comments';
  message: string;
  /** With `missing`: the sentence that leads the list ("The article cannot be Approved yet. It needs:"). */
  lead?: string;
  missing?: Missing[];
}

/** Who asks for a step, where that is known (a local profile): their role, whether they wrote the article, and its open comments. */
export interface StepContext {
  role?: ProfileRole;
  isAuthor?: boolean;
  openComments?: number;
}

/**
 * Why an article may not move from its status to `to`, or null when it may. The same rules run
 * in the main process (which decides) and in the page (which shows what is missing up front).
 * Roles and the author rule apply when the person is known (a profile is set).
 */
export function transitionProblem(
  article: Checked & { status: string },
  to: string,
  style: HouseStyle,
  reason = '',
  photos?: PhotoLookup,
  who: StepContext = {},
): StepRefusal | null {
  const target = statusOf(style, to);
  if (!target)
    return {
      code: 'unknown-status',
      message: `"${to}" is not a status in the house style (${style.statuses.map((s) => s.id).join(', ')}).`,
    };
  if (!nextStatuses(style, article.status).some((s) => s.id === to)) {
    const allowed = nextStatuses(style, article.status).map((s) => s.label);
    const from = statusLabel(style, article.status);
    return {
      code: 'not-allowed',
      message: `An article cannot go from ${from} to ${target.label}${allowed.length ? `; from ${from} it can go to ${allowed.join(', ')}` : ''}.`,
    };
  }
  if (who.role && target.roles.length && !target.roles.includes(who.role)) {
    return {
      code: 'role',
      message: `${target.label} is a step for ${target.roles.join(' or ')}; your profile's role is ${who.role}.`,
    };
  }
  if (target.approval && who.isAuthor && !style.workflow.selfApproval) {
    return {
      code: 'own-article',
      message: `You created this article, and the house style asks for someone else to make it ${target.label}.`,
    };
  }
  const missing = missingFor(article, target, photos);
  if (missing.length) {
    return {
      code: 'missing',
      message: `The article cannot be ${target.label} yet: it needs ${listMissing(missing)}.`,
      lead: `The article cannot be ${target.label} yet. It needs:`,
      missing,
    };
  }
  if (target.approval && style.workflow.openComments === 'block' && (who.openComments ?? 0) > 0) {
    const n = who.openComments!;
    return {
      code: 'open-comments',
      message: `The article has ${n} open comment${n === 1 ? '' : 's'}; the house style asks for them to be resolved before it is ${target.label}.`,
    };
  }
  if (target.reasonRequired && !reason.trim())
    return { code: 'reason-needed', message: `Moving an article to ${target.label} needs a reason.` };
  return null;
}

/** The steps offered as buttons: those entered by an export are taken by exporting. */
export function stepButtons(style: HouseStyle, from: string): Status[] {
  return nextStatuses(style, from).filter((s) => !s.viaExport);
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

/** A picture narrower than the house style's print minimum: worth a warning, not a refusal (the web may still use it). */
export function resolutionWarning(
  size: { width: number; height: number } | null | undefined,
  style: HouseStyle,
): string | null {
  if (!size || size.width >= style.pictures.minPrintWidth) return null;
  return `too small to print: ${size.width} × ${size.height} px; the house style asks for at least ${style.pictures.minPrintWidth.toLocaleString('en')} px wide`;
}
