// The saved queries in cypher/queries/*.cypher: each file is one query with a header of
// comment lines "// title: ...", "// description: ..." and optionally "// params: {json}".

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { stripComments } from './cypher/scan.ts';

export const savedQuerySchema = z.object({
  id: z.string(),
  title: z.string().min(1),
  description: z.string().min(1),
  cypher: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
});

export type SavedQuery = z.infer<typeof savedQuerySchema>;

export async function loadSavedQueries(directory: string): Promise<SavedQuery[]> {
  const files = (await readdir(directory)).filter((f) => f.endsWith('.cypher')).sort();
  return Promise.all(
    files.map(async (file) =>
      parseSavedQuery(path.basename(file, '.cypher'), await readFile(path.join(directory, file), 'utf8')),
    ),
  );
}

export function parseSavedQuery(id: string, text: string): SavedQuery {
  const header: Record<string, string> = {};
  for (const match of text.matchAll(/^\/\/\s*(title|description|params):\s*(.*)$/gm)) {
    header[match[1]!] = header[match[1]!] ? `${header[match[1]!]} ${match[2]!.trim()}` : match[2]!.trim();
  }
  const cypher = stripComments(text).trim().replace(/;\s*$/, '');
  const parsed = savedQuerySchema.safeParse({
    id,
    title: header.title,
    description: header.description,
    cypher,
    params: header.params ? JSON.parse(header.params) : {},
  });
  if (!parsed.success)
    throw new Error(
      `Saved query ${id}.cypher needs a "// title:" and "// description:" header and a query: ${parsed.error.issues[0]!.message}`,
    );
  return parsed.data;
}
