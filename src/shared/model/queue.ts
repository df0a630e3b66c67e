import { z } from 'zod';

/** How the desk queue can be ordered; the first is the default. */
export const QUEUE_SORTS = ['updated', 'created', 'headline', 'status', 'rubric'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  updated: 'Last changed',
  created: 'Newest',
  headline: 'Headline A–Z',
  status: 'Status',
  rubric: 'Rubric',
};

/** What the article list and the desk queue ask for. Every filter is optional; they combine. */
export const ListQuerySchema = z
  .object({
    /** Full-text search over headline, teaser, body, keywords and credits. */
    query: z.string().max(500).optional(),
    status: z.string().max(40).optional(),
    rubric: z.string().max(200).optional(),
    /** A sign-off author (initials) or the person who created the article. */
    author: z.string().max(200).optional(),
    /** An agency in the sign-off (afp, dpa). */
    agency: z.string().max(40).optional(),
    /** A language; `de` also finds `de-CH`. */
    language: z.string().max(35).optional(),
    updatedSince: z.iso.datetime({ offset: true }).optional(),
    openComments: z.boolean().optional(),
    imageProblems: z.boolean().optional(),
    sort: z.enum(QUEUE_SORTS).optional(),
    trashed: z.boolean().optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export type ListQuery = z.infer<typeof ListQuerySchema>;

/** The values the queue's filters can take, from the articles there are. */
export interface QueueFacets {
  counts: Record<string, number>;
  rubrics: string[];
  authors: string[];
  agencies: string[];
  languages: string[];
}
