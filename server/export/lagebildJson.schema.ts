// The Lagebild JSON format, version 1: the one zod schema that documents it and that the
// importer checks a file against. The exporter writes exactly this shape (streamed).
//
// {
//   "format": "lagebild-graph", "version": 1, "title": "...", "exportedAt": "2026-...Z",
//   "schema": { "nodes": { "<label>": { "<property>": "<engine type>" } },
//               "edges": { "<type>": { "properties": { ... }, "connections": [["<from label>", "<to label>"]] } } },
//   "nodes": [ { "key": "<uid>", "labels": ["Country"], "properties": { ... },
//                "position"?: { "x": 0, "y": 0 }, "style"?: { "background-color": "#abc" } } ],
//   "edges": [ { "key": "...", "type": "SUPPORTS", "source": "<uid>", "target": "<uid>", "properties": { ... } } ]
// }
//
// Property values are JSON values; integers beyond 2^53 are exact JSON numbers; dates keep their
// type as {"$type": "date", "value": "2024-11-18"} (as in the HTTP API). Engine types are
// STRING, INT64, DOUBLE, BOOLEAN, DATE, TIMESTAMP and lists of them (STRING[], ...).

import { z } from 'zod';

export const LAGEBILD_JSON_FORMAT = 'lagebild-graph';
export const LAGEBILD_JSON_VERSION = 1;

const name = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^`\u0000]+$/, { message: 'must not contain backticks or NUL' });
const engineType = z.string().regex(/^[A-Z][A-Z0-9_]*(\[\])?$/, {
  message: 'must be an engine type such as STRING, INT64, DOUBLE or STRING[]',
});

export type JsonValue =
  null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

export const propertyValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.bigint(),
    z.string(),
    z.array(propertyValueSchema),
    z.record(z.string(), propertyValueSchema),
  ]),
);

const style = z.record(z.string(), z.union([z.string(), z.number()]));

export const lagebildNodeSchema = z
  .object({
    key: z.string().min(1, { message: 'must be the node uid, not empty' }),
    labels: z.array(name).min(1, { message: 'a node needs at least one label' }),
    properties: z.record(z.string().min(1), propertyValueSchema),
    position: z.object({ x: z.number(), y: z.number() }).optional(),
    style: style.optional(),
  })
  .strict();

export const lagebildEdgeSchema = z
  .object({
    key: z.string(),
    type: name,
    source: z.string().min(1),
    target: z.string().min(1),
    properties: z.record(z.string().min(1), propertyValueSchema),
    style: style.optional(),
  })
  .strict();

export const lagebildJsonSchema = z
  .object({
    format: z.literal(LAGEBILD_JSON_FORMAT, { message: `must be "${LAGEBILD_JSON_FORMAT}"` }),
    version: z.literal(LAGEBILD_JSON_VERSION, {
      message: `must be ${LAGEBILD_JSON_VERSION} (this Lagebild reads version ${LAGEBILD_JSON_VERSION})`,
    }),
    title: z.string().optional(),
    exportedAt: z.string().optional(),
    schema: z
      .object({
        nodes: z.record(name, z.record(z.string().min(1), engineType)),
        edges: z.record(
          name,
          z.object({
            properties: z.record(z.string().min(1), engineType),
            connections: z.array(z.tuple([name, name])),
          }),
        ),
      })
      .optional(),
    nodes: z.array(lagebildNodeSchema),
    edges: z.array(lagebildEdgeSchema),
  })
  .strict();

export type LagebildJson = z.infer<typeof lagebildJsonSchema>;
export type LagebildJsonNode = z.infer<typeof lagebildNodeSchema>;
export type LagebildJsonEdge = z.infer<typeof lagebildEdgeSchema>;
