import { z } from 'zod';

// Only the fields the adapter uses are checked; Vault may add others freely.

export const unwrapAnswerSchema = z.object({
  data: z.object({ secret_id: z.string().min(1) }),
});

export const authAnswerSchema = z.object({
  auth: z.object({
    client_token: z.string().min(1),
    lease_duration: z.number().int().nonnegative(),
    renewable: z.boolean(),
  }),
});

export const lookupSelfAnswerSchema = z.object({
  data: z.object({
    ttl: z.number().int().nonnegative(),
    expire_time: z.string().nullable(),
    renewable: z.boolean().optional(),
  }),
});

export const healthAnswerSchema = z.object({
  initialized: z.boolean(),
  sealed: z.boolean(),
  standby: z.boolean(),
});

export const sealStatusAnswerSchema = z.object({
  initialized: z.boolean(),
  sealed: z.boolean(),
  t: z.number().int().nonnegative(),
  n: z.number().int().nonnegative(),
  progress: z.number().int().nonnegative(),
});

export const kvReadAnswerSchema = z.object({
  data: z.object({
    data: z.record(z.string(), z.unknown()),
    metadata: z.object({ version: z.number().int().positive() }),
  }),
});

export const kvWriteAnswerSchema = z.object({
  data: z.object({ version: z.number().int().positive() }),
});

export const kvListAnswerSchema = z.object({
  data: z.object({ keys: z.array(z.string()) }),
});

/** 204 answers have no body; anything is accepted and ignored. */
export const noContentSchema = z.unknown();
