/**
 * One axis of the saved picture: saved coordinates → classes (distinct coordinates, near-equal ones
 * snapped together) → drawn anchors. Anchors only ever grow with the class, so the drawn order is the
 * saved order; `push` widens the gap before a class (and so moves every later class) to pull two cards
 * apart, which never brings any two cards closer.
 */

export interface AxisInput {
  /** Saved coordinate of each node. */
  value: readonly number[];
  /** The other axis's saved coordinate (or class) of each node: two nodes near on both may not snap together. */
  other: readonly number[];
  /** How near on the other axis counts as a conflict (0: only equal). */
  otherTol: number;
  /** Offset of each node's drawn edge from its class anchor (wider cards sit a little left of the anchor). */
  offset: readonly number[];
  /** A node whose coordinate must keep a class of its own (a card of another size, a separated duplicate). */
  alone: readonly boolean[];
  /** Nodes saved at one coordinate but with different ties get classes of their own, in tie order. */
  tie?: readonly number[];
  /** Coordinates closer than this (from a class's first one) snap into that class. */
  snap: number;
  /** Drawn px per saved px. */
  scale: number;
  /** At most this much drawn space between two neighbouring classes, however far apart they were saved. */
  cap: number;
}

export class Axis {
  /** Node → class. */
  readonly classOf: Int32Array;
  readonly classes: number;
  private readonly base: Float64Array;
  private readonly tree: Float64Array;

  constructor(input: AxisInput) {
    const n = input.value.length;
    const tie = (i: number) => input.tie?.[i] ?? 0;
    const order = [...Array(n).keys()].sort(
      (a, b) => (input.value[a] as number) - (input.value[b] as number) || tie(a) - tie(b),
    );
    this.classOf = new Int32Array(n);
    const first: number[] = [];
    const members: number[][] = [];
    const lone: boolean[] = [];
    let k = 0;
    while (k < n) {
      // One group of nodes with exactly this coordinate.
      const v = input.value[order[k] as number] as number;
      const t = tie(order[k] as number);
      const group: number[] = [];
      while (k < n && input.value[order[k] as number] === v && tie(order[k] as number) === t)
        group.push(order[k++] as number);
      const alone = group.some((i) => input.alone[i]);
      const c = members.length - 1;
      const cur = members[c];
      if (
        cur &&
        !alone &&
        !lone[c] &&
        v - (first[c] as number) <= input.snap &&
        !group.some((i) =>
          cur.some((j) => Math.abs((input.other[i] as number) - (input.other[j] as number)) <= input.otherTol),
        )
      ) {
        cur.push(...group);
      } else {
        first.push(v);
        members.push(group);
        lone.push(alone);
      }
    }
    this.classes = members.length;
    members.forEach((list, c) => {
      for (const i of list) this.classOf[i] = c;
    });
    // Base anchors: scaled saved gaps, capped, never less than what keeps every card's edge in order.
    this.base = new Float64Array(this.classes);
    let at = 0;
    for (let c = 1; c < this.classes; c++) {
      const gap = Math.min(input.scale * ((first[c] as number) - (first[c - 1] as number)), input.cap);
      const prev = Math.max(...(members[c - 1] as number[]).map((i) => input.offset[i] as number));
      const next = Math.min(...(members[c] as number[]).map((i) => input.offset[i] as number));
      at += Math.max(Number.isFinite(gap) ? gap : input.cap, prev - next, 1);
      this.base[c] = at;
    }
    this.tree = new Float64Array(this.classes + 1);
  }

  /** The drawn anchor of class c. */
  anchor(c: number): number {
    let sum = this.base[c] as number;
    for (let i = c + 1; i > 0; i -= i & -i) sum += this.tree[i] as number;
    return sum;
  }

  /** Moves class c and every later class by `by` (> 0). */
  push(c: number, by: number): void {
    for (let i = c + 1; i <= this.classes; i += i & -i) this.tree[i] = (this.tree[i] as number) + by;
  }
}
