/**
 * A capped list that prefers some items: once full, a preferred item (a document with warnings)
 * takes the place of the latest ordinary one; otherwise new items are dropped and counted. Items
 * come back in the order they were added.
 */
export class PreferringList<T> {
  private readonly preferred: Array<{ seq: number; item: T }> = [];
  private readonly ordinary: Array<{ seq: number; item: T }> = [];
  private seq = 0;
  /** Items left out, including ordinary ones pushed out by preferred ones. */
  omitted = 0;

  constructor(private readonly cap: number) {}

  /** `make` is only called when the item will be held, so dropped items cost nothing to build. */
  add(preferred: boolean, make: () => T | undefined): void {
    const seq = this.seq++;
    if (this.preferred.length + this.ordinary.length < this.cap) {
      this.hold(preferred, seq, make);
      return;
    }
    if (preferred && this.ordinary.length > 0) {
      this.ordinary.pop();
      this.omitted++;
      this.hold(preferred, seq, make);
      return;
    }
    this.omitted++;
  }

  items(): T[] {
    return [...this.preferred, ...this.ordinary].sort((a, b) => a.seq - b.seq).map((e) => e.item);
  }

  private hold(preferred: boolean, seq: number, make: () => T | undefined): void {
    const item = make();
    if (item === undefined) {
      this.omitted++;
      return;
    }
    (preferred ? this.preferred : this.ordinary).push({ seq, item });
  }
}
