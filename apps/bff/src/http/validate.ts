import type { z } from 'zod';
import { AppError } from './app-error';

const ROOT_FIELD = 'body';

/** Dotted field path → message, one entry per bad field (unknown fields included). */
export function fieldProblems(error: z.ZodError): Record<string, string> {
  // A Map, then own properties: a field named `__proto__` stays a field.
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        fields.set(base ? `${base}.${key}` : key, 'Unknown field; remove it.');
      }
      continue;
    }
    const field = base || ROOT_FIELD;
    if (!fields.has(field)) fields.set(field, issue.message);
  }
  return Object.fromEntries(fields);
}

/** Parses input with a shared schema or throws 400 VALIDATION_FAILED naming each bad field. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError(
    'VALIDATION_FAILED',
    400,
    'Some fields are not valid; see details.fields.',
    {
      fields: fieldProblems(result.error),
    },
  );
}
