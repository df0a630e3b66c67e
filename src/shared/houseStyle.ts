import { z } from 'zod';

/**
 * A newsroom's house style: everything a desk may want to change without a release. Loaded from
 * a JSON file (see resources/house-style.default.json) and validated here; missing keys take the
 * defaults below.
 */
/** What an article must have before it may enter a status (checked in the main process). */
export const STATUS_REQUIREMENTS = ['headline', 'teaser', 'byline', 'signOff', 'keywords', 'imageCredits', 'imageAlt'] as const;
export type StatusRequirement = (typeof STATUS_REQUIREMENTS)[number];

const StatusSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    label: z.string().min(1).max(60),
    requires: z.array(z.enum(STATUS_REQUIREMENTS)).default([]),
    /** Whether moving an article here needs a reason (back to the author, spiked). */
    reasonRequired: z.boolean().default(false),
  })
  .strict();
export type Status = z.output<typeof StatusSchema>;

export const HouseStyleSchema = z
  .object({
    credit: z
      .object({
        /** Printed before a credit line: `Bild:`, `Foto:`, `Photo:`. */
        prefix: z.string().max(40).default('Bild:'),
        /** Parts in `{provider}`, `{agency}`, `{creator}`; empty parts and their separators drop out. */
        template: z.string().max(200).default('{provider}/{agency}/{creator}'),
        separator: z.string().max(10).default('/'),
        /** `Ali al-Rubaye` → `A. al-Rubaye` */
        abbreviateGivenNames: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    signOff: z
      .object({
        authorSeparator: z.string().max(10).default('/'),
        agencyOpen: z.string().max(10).default(' ('),
        agencyClose: z.string().max(10).default(')'),
        agencySeparator: z.string().max(10).default(', '),
        lowerCase: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    editor: z
      .object({
        /** Where the caret starts in a new article. */
        newArticleField: z.enum(['rubric', 'kicker', 'headline']).default('headline'),
      })
      .strict()
      .prefault({}),
    limits: z
      .object({
        headline: z.number().int().positive().default(70),
        teaser: z.number().int().positive().default(300),
        kicker: z.number().int().positive().default(40),
        rubric: z.number().int().positive().default(30),
      })
      .strict()
      .prefault({}),
    statuses: z
      .array(StatusSchema)
      .min(1)
      .prefault([
        { id: 'draft', label: 'Draft' },
        { id: 'submitted', label: 'Submitted' },
        { id: 'in-review', label: 'In review' },
        { id: 'back-to-author', label: 'Back to author', reasonRequired: true },
        { id: 'approved', label: 'Approved', requires: ['headline', 'teaser', 'signOff', 'imageCredits', 'imageAlt'] },
        { id: 'exported', label: 'Exported', requires: ['headline', 'teaser', 'signOff', 'imageCredits', 'imageAlt'] },
        { id: 'spiked', label: 'Spiked', reasonRequired: true },
      ]),
    /** Status a new article starts in; must be one of `statuses`. */
    initialStatus: z.string().default('draft'),
    transitions: z
      .record(z.string(), z.array(z.string()))
      .default({
        draft: ['submitted', 'spiked'],
        submitted: ['in-review', 'back-to-author', 'spiked'],
        'in-review': ['approved', 'back-to-author', 'spiked'],
        'back-to-author': ['submitted', 'spiked'],
        approved: ['exported', 'in-review', 'spiked'],
        exported: ['in-review'],
        spiked: ['draft'],
      }),
  })
  .strict()
  .superRefine((style, ctx) => {
    const ids = new Set(style.statuses.map((s) => s.id));
    if (!ids.has(style.initialStatus)) {
      ctx.addIssue({ code: 'custom', path: ['initialStatus'], message: `unknown status "${style.initialStatus}"` });
    }
    for (const [from, targets] of Object.entries(style.transitions)) {
      for (const id of [from, ...targets]) {
        if (!ids.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['transitions', from], message: `unknown status "${id}"` });
        }
      }
    }
  });

export type HouseStyle = z.output<typeof HouseStyleSchema>;
export type HouseStyleInput = z.input<typeof HouseStyleSchema>;

export const DEFAULT_HOUSE_STYLE: HouseStyle = HouseStyleSchema.parse({});
