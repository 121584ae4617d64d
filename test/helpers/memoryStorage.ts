/** A Storage that records every write, to prove where a token goes. */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  writes: [string, string][] = [];
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.writes.push([key, value]);
    this.map.set(key, value);
  }
}
