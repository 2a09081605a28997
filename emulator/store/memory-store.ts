import { compareUtf8, type Store } from './store.js';

export class MemoryStore implements Store {
  private readonly tables = new Map<string, Map<string, unknown>>();
  private readonly sortedIds = new Map<string, string[]>();
  private readonly blobs = new Map<string, Buffer>();

  get<T>(table: string, id: string): T | undefined {
    return this.tables.get(table)?.get(id) as T | undefined;
  }

  put<T>(table: string, id: string, value: T): void {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    if (!rows.has(id)) this.sortedIds.delete(table);
    rows.set(id, value);
  }

  delete(table: string, id: string): void {
    if (this.tables.get(table)?.delete(id)) this.sortedIds.delete(table);
  }

  list<T>(table: string): Array<[string, T]> {
    const rows = this.tables.get(table);
    if (!rows) return [];
    let ids = this.sortedIds.get(table);
    if (!ids) {
      ids = [...rows.keys()].sort(compareUtf8);
      this.sortedIds.set(table, ids);
    }
    return ids.map((id) => [id, rows.get(id) as T]);
  }

  drop(table: string): void {
    this.tables.delete(table);
    this.sortedIds.delete(table);
  }

  putBlob(id: string, bytes: Buffer): void {
    this.blobs.set(id, bytes);
  }

  getBlob(id: string): Buffer {
    const bytes = this.blobs.get(id);
    if (!bytes) throw new Error(`blob ${id} is missing`);
    return bytes;
  }

  deleteBlob(id: string): void {
    this.blobs.delete(id);
  }

  removeBlobsExcept(kept: ReadonlySet<string>): void {
    for (const id of [...this.blobs.keys()]) if (!kept.has(id)) this.blobs.delete(id);
  }

  close(): void {}
}
