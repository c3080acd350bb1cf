import type { z } from 'zod';

/**
 * Untrusted input read with a schema: a value, or JSON text of one. Undefined when the
 * text is no JSON or the value is not what the schema describes; never throws.
 */
export function parseWith<T>(schema: z.ZodType<T>, raw: unknown): T | undefined {
  let candidate = raw;
  if (typeof raw === 'string') {
    try {
      candidate = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const parsed = schema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
