/** A binary min-heap of integer values by numeric key, in typed arrays (the router's open list). */
export class MinHeap {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0] as number;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const values = new Int32Array(this.size * 2);
      values.set(this.values);
      this.values = values;
    }
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((this.keys[up] as number) <= key) break;
      this.keys[i] = this.keys[up] as number;
      this.values[i] = this.values[up] as number;
      i = up;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  /** Removes and returns the value with the smallest key. */
  pop(): number {
    const top = this.values[0] as number;
    const n = --this.size;
    if (n === 0) return top;
    const key = this.keys[n] as number;
    const value = this.values[n] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (this.keys[c + 1] as number) < (this.keys[c] as number)) c++;
      if ((this.keys[c] as number) >= key) break;
      this.keys[i] = this.keys[c] as number;
      this.values[i] = this.values[c] as number;
      i = c;
    }
    this.keys[i] = key;
    this.values[i] = value;
    return top;
  }
}
