// Keeps the elements that a big canvas draws on its own layer (elementLayer.ts) out of
// cytoscape's drawing lists. They stay in cytoscape at opacity 0, under the pointer and
// selectable, but cytoscape's renderer computes each one's bounding box before it finds that it
// is invisible: for the relationships alone 90-160 ms of a 330-400-ms redraw at 50,000 elements
// (33,000 relationships). The hit test reads another list (`interactive`), which keeps them. The
// renderer's methods are not in cytoscape's typings (cytoscape is pinned in package-lock.json);
// see also hitIndex.ts.

/** What the lists read of an element. */
interface ListedElement {
  pstyle(name: 'opacity'): { value: number };
}

/** The renderer's drawing lists: all elements in drawing order, split into the drag and the other layer. */
interface ListingRenderer {
  cachedZSortedEles: (ListedElement[] & { drag: ListedElement[]; nondrag: ListedElement[] }) | null;
  updateCachedGrabbedEles(): void;
  invalidateCachedZSortedEles(): void;
}

export class DrawLists {
  private readonly renderer: ListingRenderer;
  private enabled = false;

  constructor(cy: { renderer(): unknown }) {
    const renderer = cy.renderer() as ListingRenderer;
    this.renderer = renderer;
    const own = renderer.updateCachedGrabbedEles;
    // Cytoscape splits its sorted elements into the two layers here, after every new sort (a
    // z-index changes when an element is selected or hovered: a selected element, drawn by
    // cytoscape at full opacity, comes back into the lists then) and on every grab and release.
    renderer.updateCachedGrabbedEles = () => {
      own.call(renderer);
      const lists = renderer.cachedZSortedEles;
      if (!lists || !this.enabled) return;
      const drawn = (element: ListedElement) => element.pstyle('opacity').value > 0;
      lists.drag = lists.drag.filter(drawn);
      lists.nondrag = lists.nondrag.filter(drawn);
    };
  }

  /** On while the elements are on the layer; the lists are made anew either way. */
  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    // A new stylesheet changes opacities without a new sort: sort again on the next frame.
    this.renderer.invalidateCachedZSortedEles();
  }
}
