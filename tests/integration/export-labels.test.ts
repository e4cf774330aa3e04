// The "labels" export scope: every node of some labels (or all) and the relationships among them,
// read as columns. It must give the same nodes, relationships and properties as exporting the
// same part of the graph through a query, which reads whole node and relationship objects.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonText } from '../../server/import/jsonText.ts';
import { exportFile } from '../_helpers/exportFixtures.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
});
afterAll(() => lb.dispose());

interface Document {
  nodes: { key: string; labels: string[]; properties: Record<string, unknown> }[];
  edges: { key: string; type: string; source: string; target: string; properties: Record<string, unknown> }[];
}

async function exportJson(scope: unknown): Promise<Document> {
  const response = await exportFile(lb.url, { format: 'lagebild-json', scope });
  expect(response.status).toBe(200);
  return parseJsonText(response.bytes.toString('utf8'), 'export') as unknown as Document;
}

/** Nodes and edges in a fixed order, so two exports compare with toEqual. */
const canonical = (document: Document) => ({
  nodes: [...document.nodes].sort((a, b) => a.key.localeCompare(b.key)),
  edges: [...document.edges].sort((a, b) => a.key.localeCompare(b.key)),
});

describe('export of labels as columns', () => {
  it('exports the whole graph exactly as a query for every node and relationship does', async () => {
    const whole = await exportJson({ kind: 'labels' });
    const viaQuery = await exportJson({
      kind: 'query',
      cypher: 'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, r',
    });
    const [[nodeCount, edgeCount]] = (
      await lb.store.query('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT id(n)), count(r)')
    ).rows;
    expect(whole.nodes).toHaveLength(Number(nodeCount));
    expect(whole.edges).toHaveLength(Number(edgeCount));
    expect(canonical(whole)).toEqual(canonical(viaQuery));
  });

  it('exports only the named labels and the relationships whose both ends carry one of them', async () => {
    const part = await exportJson({ kind: 'labels', labels: ['Country', 'Person'] });
    const viaQuery = await exportJson({
      kind: 'query',
      cypher:
        "MATCH (n) WHERE label(n) IN ['Country', 'Person'] OPTIONAL MATCH (n)-[r]->(m) WHERE label(m) IN ['Country', 'Person'] RETURN n, r",
    });
    expect(part.nodes.length).toBeGreaterThan(0);
    expect(new Set(part.nodes.flatMap((n) => n.labels))).toEqual(new Set(['Country', 'Person']));
    expect(canonical(part)).toEqual(canonical(viaQuery));
    // Lawrow is Russia's foreign minister: that relationship is between the two labels.
    expect(part.edges.some((e) => e.source === 'lawrow' && e.target === 'russland')).toBe(true);
  });

  it('keeps only the named relationship types', async () => {
    const part = await exportJson({ kind: 'labels', labels: ['Country'], types: ['SUPPLIES'] });
    expect(part.edges.length).toBeGreaterThan(0);
    expect(part.edges.every((e) => e.type === 'SUPPLIES')).toBe(true);
    expect(part.edges.every((e) => typeof e.properties.sentence === 'string')).toBe(true);
  });

  it('names an unknown label or type in a 400 before anything is written', async () => {
    const label = await exportFile(lb.url, {
      format: 'graphml',
      scope: { kind: 'labels', labels: ['Land'] },
    });
    expect(label.status).toBe(400);
    expect(label.bytes.toString()).toContain('No label \\"Land\\"');
    expect(label.bytes.toString()).toContain('Country');
    const type = await exportFile(lb.url, {
      format: 'graphml',
      scope: { kind: 'labels', types: ['LIEFERT'] },
    });
    expect(type.status).toBe(400);
    expect(type.bytes.toString()).toContain('No relationship type \\"LIEFERT\\"');
  });
});
