// A lookup by key over one of the state's append-only lists (connections, tokens), so a fleet of
// 100,000 connections costs one map lookup per API call instead of a scan. Records are only appended
// or changed in place; a reset or a load replaces the list, which rebuilds the index.
export class AppendOnlyIndex<T> {
  private list: readonly T[] | null = null;
  private indexed = 0;
  private readonly byKey = new Map<string, T>();

  constructor(private readonly keyOf: (record: T) => string) {}

  find(list: readonly T[], key: string): T | undefined {
    if (list !== this.list || list.length < this.indexed) {
      this.byKey.clear();
      this.list = list;
      this.indexed = 0;
    }
    for (; this.indexed < list.length; this.indexed++) {
      const record = list[this.indexed];
      // The first record with a key wins, as Array.find would.
      if (record !== undefined && !this.byKey.has(this.keyOf(record)))
        this.byKey.set(this.keyOf(record), record);
    }
    return this.byKey.get(key);
  }
}
