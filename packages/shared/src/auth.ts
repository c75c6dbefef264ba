import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'user']);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
});
export type User = z.infer<typeof userSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a username.')
  .max(150, 'A username has at most 150 characters.');

export const loginRequestSchema = z.strictObject({
  username: usernameSchema,
  password: z
    .string()
    .min(1, 'Enter a password.')
    .max(1024, 'A password has at most 1024 characters.'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** Answer of login and of `GET /api/v1/auth/session`. */
export const sessionResponseSchema = z.object({ user: userSchema });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** Name of the readable cookie holding the CSRF token, and the header echoing it. */
export const CSRF_COOKIE = 'csrftoken';
export const CSRF_HEADER = 'X-CSRFToken';
