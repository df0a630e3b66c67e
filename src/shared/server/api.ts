// The newsroom server's API: one zod schema per payload gives both the check at the server's
// boundary and the types the desktop uses (as the IPC contract does for the app).
import { z } from 'zod';

export const SERVER_ROLES = ['journalist', 'desk', 'photo', 'admin'] as const;
export const ServerRoleSchema = z.enum(SERVER_ROLES);
export type ServerRole = z.infer<typeof ServerRoleSchema>;

export const AccountNameSchema = z.string().trim().min(1).max(100);
export const DeskNameSchema = z.string().trim().min(1).max(60);

export const NewAccountSchema = z
  .object({
    name: AccountNameSchema,
    initials: z.string().trim().min(1).max(12),
    role: ServerRoleSchema,
    desks: z.array(DeskNameSchema).max(50).default([]),
  })
  .strict();
export type NewAccount = z.input<typeof NewAccountSchema>;

export interface Account {
  id: string;
  name: string;
  initials: string;
  role: ServerRole;
  desks: string[];
  createdAt: string;
  revokedAt: string | null;
}

/** A desktop signing in once: it gets a device token it keeps, to sync after restarts. */
export const SignInRequestSchema = z
  .object({
    name: AccountNameSchema,
    password: z.string().min(1).max(1000),
    device: z.string().trim().min(1).max(200),
  })
  .strict();
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/** A person's own new password, given with the current one. */
export const PasswordChangeSchema = z
  .object({
    current: z.string().min(1).max(1000),
    password: z.string().min(12, 'A password needs at least 12 characters.').max(1000),
  })
  .strict();

export interface SignInResponse {
  token: string;
  device: string;
  account: Account;
}

/** Errors the server answers with: a stable code for programs (and later translations) and a message. */
export const SERVER_ERROR_CODES = [
  'bad-request',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'rate-limited',
  'too-large',
  'internal',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];
export interface ServerErrorBody {
  error: { code: ServerErrorCode; message: string };
}

/** A colleague as every signed-in desktop may see them: for assigning articles. */
export interface Colleague {
  name: string;
  initials: string;
  role: ServerRole;
  desks: string[];
}
