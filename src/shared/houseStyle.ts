import { z } from 'zod';
import { PROFILE_ROLES } from './model/profile';

/**
 * A newsroom's house style: everything a desk may want to change without a release. Loaded from
 * a JSON file (see resources/house-style.default.json) and validated here; missing keys take the
 * defaults below.
 */
/** What an article must have before it may enter a status (checked in the main process). */
export const STATUS_REQUIREMENTS = [
  'headline',
  'teaser',
  'byline',
  'signOff',
  'keywords',
  'imageCredits',
  'imageAlt',
] as const;
export type StatusRequirement = (typeof STATUS_REQUIREMENTS)[number];

const StatusSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    label: z.string().min(1).max(60),
    /** The step's button, as a verb: "Submit for review", "Approve", "Spike…". Defaults to the label. */
    action: z.string().min(1).max(60).optional(),
    requires: z.array(z.enum(STATUS_REQUIREMENTS)).default([]),
    /** Whether moving an article here needs a reason (back to the author, spiked). */
    reasonRequired: z.boolean().default(false),
    /** Who may move an article here (a profile's role); empty: anyone. */
    roles: z.array(z.enum(PROFILE_ROLES)).default([]),
    /** An approval: not made by the article's own author unless `workflow.selfApproval`. */
    approval: z.boolean().default(false),
    /** Shown apart from the other steps, as a step that takes the article out of the flow. */
    destructive: z.boolean().default(false),
    /** Entered by exporting the article, not by a button. */
    viaExport: z.boolean().default(false),
    /** Editing an article in this status moves it to that status (approved → in review). */
    editMovesTo: z.string().optional(),
    /** Exporting an article in this status moves it to that status (approved → exported). */
    exportMovesTo: z.string().optional(),
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
    pictures: z
      .object({
        /** Narrower than this (in pixels) a picture is flagged as too small to print; a warning, not a block. */
        minPrintWidth: z.number().int().positive().default(1200),
        /**
         * What exported copies lose (the stored original keeps everything): `location` (GPS),
         * `device` (serial numbers, maker notes), `owner` (the camera owner's name). A source's
         * whereabouts and equipment must not travel with the picture.
         */
        removeOnExport: z.array(z.enum(['location', 'device', 'owner'])).default(['location', 'device', 'owner']),
        /**
         * Emptying the trash removes pictures no remaining revision uses, once they have been in
         * the store this many days: a picture dropped into a text but not yet saved is never taken.
         */
        keepUnusedDays: z.number().int().min(0).max(3650).default(7),
      })
      .strict()
      .prefault({}),
    limits: z
      .object({
        headline: z.number().int().positive().default(70),
        teaser: z.number().int().positive().default(300),
        kicker: z.number().int().positive().default(40),
        rubric: z.number().int().positive().default(30),
        /**
         * The most characters one article may hold (fields and body). A save over it is refused,
         * never cut. It bounds search, diffs and exports; a long read is about 60,000.
         */
        articleChars: z.number().int().positive().max(2_000_000).default(500_000),
      })
      .strict()
      .prefault({}),
    statuses: z
      .array(StatusSchema)
      .min(1)
      .prefault([
        { id: 'draft', label: 'Draft', action: 'Back to draft' },
        { id: 'submitted', label: 'Submitted', action: 'Submit for review' },
        { id: 'in-review', label: 'In review', action: 'Start review', roles: ['desk'] },
        {
          id: 'back-to-author',
          label: 'Back to author',
          action: 'Send back to author…',
          reasonRequired: true,
          roles: ['desk'],
        },
        {
          id: 'approved',
          label: 'Approved',
          action: 'Approve',
          requires: ['headline', 'teaser', 'signOff', 'imageCredits', 'imageAlt'],
          roles: ['desk'],
          approval: true,
          editMovesTo: 'in-review',
          exportMovesTo: 'exported',
        },
        {
          id: 'exported',
          label: 'Exported',
          action: 'Mark as exported',
          requires: ['headline', 'teaser', 'signOff', 'imageCredits', 'imageAlt'],
          roles: ['desk'],
          viaExport: true,
          editMovesTo: 'in-review',
        },
        { id: 'spiked', label: 'Spiked', action: 'Spike…', reasonRequired: true, destructive: true },
      ]),
    workflow: z
      .object({
        /** Whether an article's author may approve it themselves. */
        selfApproval: z.boolean().default(false),
        /** Open comments at approval: the page asks first (warn), or the step is refused (block). */
        openComments: z.enum(['warn', 'block']).default('warn'),
      })
      .strict()
      .prefault({}),
    /** Status a new article starts in; must be one of `statuses`. */
    initialStatus: z.string().default('draft'),
    transitions: z.record(z.string(), z.array(z.string())).default({
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
    style.statuses.forEach((st, i) => {
      for (const key of ['editMovesTo', 'exportMovesTo'] as const) {
        const to = st[key];
        if (to && !(style.transitions[st.id] ?? []).includes(to)) {
          ctx.addIssue({
            code: 'custom',
            path: ['statuses', i, key],
            message: `"${to}" is not a step the transitions allow from "${st.id}"`,
          });
        }
      }
    });
  });

export type HouseStyle = z.output<typeof HouseStyleSchema>;
export type HouseStyleInput = z.input<typeof HouseStyleSchema>;

export const DEFAULT_HOUSE_STYLE: HouseStyle = HouseStyleSchema.parse({});
