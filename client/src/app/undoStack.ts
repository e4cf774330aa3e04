// Undo and redo over snapshots: before each step the app records the state it leaves, so any
// step (query, expansion, hiding, pinning, removal) can be taken back and redone.

/** Two stacks of states; `record` before a change, `undo`/`redo` swap the current state. */
export class UndoStack<State> {
  private readonly past: State[] = [];
  private readonly future: State[] = [];

  constructor(private readonly limit = 100) {}

  /** Remembers `before` as the state to return to; a new step forgets what could be redone. */
  record(before: State): void {
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future.length = 0;
  }

  /** The state to go back to, given the current one; undefined when there is nothing to undo. */
  undo(current: State): State | undefined {
    const previous = this.past.pop();
    if (previous !== undefined) this.future.push(current);
    return previous;
  }

  redo(current: State): State | undefined {
    const next = this.future.pop();
    if (next !== undefined) this.past.push(current);
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
