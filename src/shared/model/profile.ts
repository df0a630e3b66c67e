import { z } from 'zod';

export const PROFILE_ROLES = ['journalist', 'desk', 'photo'] as const;
export type ProfileRole = (typeof PROFILE_ROLES)[number];

/** Who works at this machine: set on first start, recorded with every revision. */
export const ProfileSchema = z
  .object({
    name: z.string().trim().min(1, 'a name is needed').max(100),
    /** As in sign-offs: `haz`, `qu`. */
    initials: z
      .string()
      .trim()
      .regex(/^\p{L}{1,6}$/u, 'initials are one to six letters'),
    role: z.enum(PROFILE_ROLES),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;

/** How a revision names its author: `Anna Muster (am)`. */
export function actorName(profile: Pick<Profile, 'name' | 'initials'>): string {
  return `${profile.name} (${profile.initials.toLowerCase()})`;
}
