// Drawing a big result in steps: a first step of at most `nodes` nodes and `edges` relationships,
// then "Draw more" adds the next ones in the result's order. A relationship is drawn once both its
// ends are; the relationship cap keeps a few hubs with 100,000 relationships from flooding a step.

import type { ApiEdge, ApiNode, GraphData } from '../api/types.ts';

/** How much one step draws at most. */
export interface DrawStep {
  nodes: number;
  edges: number;
}

/** How far drawing has got: nodes and relationships drawn so far, in the plan's order. */
export interface DrawProgress {
  nodes: number;
  edges: number;
}

export class DrawPlan {
  private readonly nodes: ApiNode[];
  /** Relationships sorted by the later position of their two ends (the step that can draw them). */
  private readonly edges: ApiEdge[];
  private readonly edgeRanks: number[];

  constructor(graph: GraphData) {
    this.nodes = graph.nodes;
    const position = new Map(graph.nodes.map((node, index) => [node.id, index]));
    const ranked = graph.edges
      .map((edge) => ({
        edge,
        rank: Math.max(
          position.get(edge.source) ?? Number.POSITIVE_INFINITY,
          position.get(edge.target) ?? Number.POSITIVE_INFINITY,
        ),
      }))
      // A relationship whose end is not in the result cannot be drawn.
      .filter(({ rank }) => Number.isFinite(rank))
      .sort((a, b) => a.rank - b.rank);
    this.edges = ranked.map(({ edge }) => edge);
    this.edgeRanks = ranked.map(({ rank }) => rank);
  }

  get totalNodes(): number {
    return this.nodes.length;
  }

  /** Relationships that can be drawn (both ends in the result). */
  get totalEdges(): number {
    return this.edges.length;
  }

  /** True when everything is drawn. */
  done(progress: DrawProgress): boolean {
    return progress.nodes >= this.nodes.length && progress.edges >= this.edges.length;
  }

  /**
   * The next step after `progress`: up to `step.nodes` more nodes, then the relationships those
   * and the earlier nodes complete, at most `step.edges` of them. Returns what to draw and the
   * progress after drawing it.
   */
  next(progress: DrawProgress, step: DrawStep): { graph: GraphData; progress: DrawProgress } {
    // While relationships of drawn nodes are still waiting, a step draws those first.
    const waiting = this.firstEdgeOfRank(progress.nodes) - progress.edges;
    const nodeEnd =
      waiting >= step.edges ? progress.nodes : Math.min(this.nodes.length, progress.nodes + step.nodes);
    const edgeEnd = Math.min(this.firstEdgeOfRank(nodeEnd), progress.edges + step.edges);
    return {
      graph: {
        nodes: this.nodes.slice(progress.nodes, nodeEnd),
        edges: this.edges.slice(progress.edges, edgeEnd),
      },
      progress: { nodes: nodeEnd, edges: edgeEnd },
    };
  }

  /** Index of the first relationship whose rank is at least `rank` (binary search). */
  private firstEdgeOfRank(rank: number): number {
    let low = 0;
    let high = this.edgeRanks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.edgeRanks[middle]! < rank) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
