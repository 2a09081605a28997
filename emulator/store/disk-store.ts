import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStore } from './memory-store.js';
import type { Store } from './store.js';

type JournalEntry =
  { op: 'put'; table: string; id: string; value: unknown } | { op: 'delete'; table: string; id: string } | { op: 'drop'; table: string };

/**
 * Records live in memory and every change is appended to a journal that is
 * replayed on start; blobs are files. Appending keeps each write O(1) however
 * many objects the stack holds.
 */
export class DiskStore implements Store {
  private readonly records = new MemoryStore();
  private readonly journalPath: string;
  private readonly blobDir: string;

  constructor(private readonly dir: string) {
    this.journalPath = join(dir, 'journal.jsonl');
    this.blobDir = join(dir, 'blobs');
    mkdirSync(this.blobDir, { recursive: true });
    if (existsSync(this.journalPath)) this.replay();
  }

  private replay(): void {
    const text = readFileSync(this.journalPath, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    // A stack killed mid-append leaves a partial last line: that write never completed, so it is cut off
    // before new entries are appended after it.
    if (end < text.length) truncateSync(this.journalPath, Buffer.byteLength(text.slice(0, end)));
    for (const line of text.slice(0, end).split('\n')) {
      if (!line) continue;
      const entry = JSON.parse(line) as JournalEntry;
      if (entry.op === 'put') this.records.put(entry.table, entry.id, entry.value);
      else if (entry.op === 'delete') this.records.delete(entry.table, entry.id);
      else this.records.drop(entry.table);
    }
  }

  private append(entry: JournalEntry): void {
    appendFileSync(this.journalPath, JSON.stringify(entry) + '\n');
  }

  get<T>(table: string, id: string): T | undefined {
    return this.records.get<T>(table, id);
  }

  put<T>(table: string, id: string, value: T): void {
    this.records.put(table, id, value);
    this.append({ op: 'put', table, id, value });
  }

  delete(table: string, id: string): void {
    this.records.delete(table, id);
    this.append({ op: 'delete', table, id });
  }

  list<T>(table: string): Array<[string, T]> {
    return this.records.list<T>(table);
  }

  drop(table: string): void {
    this.records.drop(table);
    this.append({ op: 'drop', table });
  }

  putBlob(id: string, bytes: Buffer): void {
    writeFileSync(join(this.blobDir, id), bytes);
  }

  getBlob(id: string): Buffer {
    return readFileSync(join(this.blobDir, id));
  }

  deleteBlob(id: string): void {
    rmSync(join(this.blobDir, id), { force: true });
  }

  removeBlobsExcept(kept: ReadonlySet<string>): void {
    for (const id of readdirSync(this.blobDir)) if (!kept.has(id)) this.deleteBlob(id);
  }

  /** Where a blob lives on disk, so tests can check that encrypted bytes are not plaintext. */
  blobPath(id: string): string {
    return join(this.blobDir, id);
  }

  close(): void {}

  get directory(): string {
    return this.dir;
  }
}
