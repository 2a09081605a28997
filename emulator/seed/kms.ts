import type { StackContext } from '../context.js';
import { DEMO_KMS_ALIASES } from './names.js';

/** One customer managed key behind each demo alias. */
export function createDemoKmsKeys(ctx: StackContext): void {
  for (const alias of DEMO_KMS_ALIASES) {
    const key = ctx.kms.createKey(`Demo key behind ${alias}`);
    ctx.kms.createAlias(alias, key.keyId);
  }
}
