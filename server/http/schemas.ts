// Every input the HTTP API accepts, as zod schemas; the handlers work on the parsed values
// and the API's TypeScript types come from here (z.infer).

import { z } from 'zod';
import { MAX_PARAM_DEPTH, depthOf, nonFiniteNumberPath } from './inputGuards.ts';

/** Names of labels and relationship types as a client may send them. */
const name = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^`\u0000]+$/, { message: 'must not contain backticks or NUL' });

export const queryRequestSchema = z
  .object({
    cypher: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'cypher is required: send {"cypher": "MATCH (n) RETURN n LIMIT 5"}'
            : 'must be one Cypher statement as a string, e.g. "MATCH (n) RETURN n LIMIT 5"',
      })
      .refine((text) => text.trim() !== '', { message: 'must not be empty: send a Cypher statement' })
      .max(100_000, { message: 'is longer than 100,000 characters' })
      .regex(/^[^\u0000]*$/, { message: 'must not contain NUL characters; pass such values in params' }),
    params: z
      .record(z.string(), z.unknown(), { message: 'must be a JSON object of parameter names to values' })
      .refine((params) => depthOf(params, MAX_PARAM_DEPTH) <= MAX_PARAM_DEPTH, {
        message: `nest more than ${MAX_PARAM_DEPTH} levels deep; flatten the values`,
      })
      .superRefine((params, context) => {
        const at = nonFiniteNumberPath(params);
        if (at !== undefined)
          context.addIssue({
            code: 'custom',
            path: at.split('.'),
            message: 'is a number too large for a database (JSON read it as Infinity); send it as a string',
          });
      })
      .optional(),
  })
  .strict();
export type QueryRequest = z.infer<typeof queryRequestSchema>;

export const searchQuerySchema = z
  .object({
    q: z
      .string({ message: 'q is required: /api/search?q=Lawrow' })
      .trim()
      .min(1, { message: 'must not be empty' })
      .max(200, { message: 'is longer than 200 characters' })
      .regex(/^[^\u0000]*$/, { message: 'must not contain NUL characters' }),
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict();

/** `types=A,B` or `types=A&types=B`: relationship type names. */
const typeList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((text) => text.split(','))
      .map((t) => t.trim())
      .filter(Boolean),
  )
  .pipe(z.array(name).max(100));

export const neighborsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(10_000).default(25),
    offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
    types: typeList.optional(),
  })
  .strict();

export const nodeIdSchema = z.string().min(1).max(200);
