import type { StackContext } from '../context.js';

/** Demo data: filled in by the seed work; an empty stack until then. */
export async function seedDemoData(_ctx: StackContext): Promise<void> {}
