// The body of POST /api/export (and the command line's options, parsed into the same shape):
// which format, and which part of the graph (scope). The single source of these input types.

import { z } from 'zod';
import { FORMAT_NAMES } from './formats/index.ts';

const name = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^`\u0000]+$/, { message: 'must not contain backticks or NUL' });

const properties = z.record(z.string().min(1), z.unknown());
const style = z.record(z.string(), z.union([z.string(), z.number()]));

/** A node as the explorer holds it (the API's node shape, plus canvas position and style). */
export const elementNodeSchema = z.object({
  id: z.string().min(1),
  labels: z.array(name).default([]),
  properties: properties.default({}),
  position: z.object({ x: z.number(), y: z.number() }).optional(),
  style: style.optional(),
});

/** A relationship as the explorer holds it; source and target are node ids of the same request. */
export const elementEdgeSchema = z.object({
  id: z.string().min(1),
  type: name,
  source: z.string().min(1),
  target: z.string().min(1),
  properties: properties.default({}),
  style: style.optional(),
});

export const exportScopeSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('elements'),
      /** Says in the file name whether this was the whole canvas or the selection. */
      what: z.enum(['canvas', 'selection']).default('canvas'),
      nodes: z.array(elementNodeSchema).max(1_000_000),
      edges: z.array(elementEdgeSchema).max(5_000_000).default([]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('query'),
      cypher: z.string().min(1, { message: 'must not be empty' }).max(100_000),
      params: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('neighbourhood'),
      /** Start nodes: ids ("3:17") or uids ("nordkorea"). */
      nodes: z
        .array(z.string().min(1).max(500))
        .min(1, { message: 'name at least one start node' })
        .max(10_000),
      depth: z.number().int().min(0).max(10, { message: 'must be at most 10' }).default(1),
      /** Only follow these relationship types; all when absent or empty. */
      types: z.array(name).max(100).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('labels'),
      /** Every node of these labels; all labels when absent or empty. */
      labels: z.array(name).max(1000).optional(),
      /** The relationships of these types among those nodes; all types when absent or empty. */
      types: z.array(name).max(1000).optional(),
    })
    .strict(),
]);

export const exportRequestSchema = z
  .object({
    format: z.enum(FORMAT_NAMES, { message: `must be one of ${FORMAT_NAMES.join(', ')}` }),
    scope: exportScopeSchema,
    /** Words for the file's title and name; derived from the scope when absent. */
    title: z.string().max(200).optional(),
  })
  .strict();

export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type ExportScope = z.infer<typeof exportScopeSchema>;
export type ElementNode = z.infer<typeof elementNodeSchema>;
export type ElementEdge = z.infer<typeof elementEdgeSchema>;
