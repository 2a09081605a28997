import type { PlannedBody } from './plan/model.js';

/** The bytes a planned body stands for; tests regenerate them to compare with what S3 returns. */
export function plannedBytes(body: PlannedBody): Buffer {
  const line = Buffer.from(body.line, 'utf8');
  if (body.size === undefined) return line;
  return body.size === 0 ? Buffer.alloc(0) : Buffer.alloc(body.size, line);
}
