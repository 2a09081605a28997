import type { FaultRule } from '../options.js';
import { S3Error } from './s3-error.js';
import { JsonServiceError } from './json-protocol.js';

/**
 * The fault rules the running stack draws from: the start-up options' at
 * first, replaced at run time through the control API.
 */
export class ActiveFaults {
  private rules: readonly FaultRule[];

  constructor(initial: readonly FaultRule[]) {
    this.rules = [...initial];
  }

  get current(): readonly FaultRule[] {
    return this.rules;
  }

  replace(rules: readonly FaultRule[]): void {
    this.rules = [...rules];
  }
}

/** The fault a request draws, if any, from the configured rules. */
export function drawFault(rules: readonly FaultRule[], operation: string | undefined, random = Math.random): FaultRule | undefined {
  return rules.find(
    (rule) => (rule.operations.length === 0 || (operation !== undefined && rule.operations.includes(operation))) && random() < rule.rate,
  );
}

export function faultAsS3Error(rule: FaultRule): S3Error {
  return rule.kind === 'SlowDown'
    ? new S3Error('SlowDown', 'Please reduce your request rate.', 503)
    : new S3Error('InternalError', 'We encountered an internal error. Please try again.', 500);
}

export function faultAsJsonError(rule: FaultRule): JsonServiceError {
  return rule.kind === 'SlowDown'
    ? new JsonServiceError('ThrottlingException', 'Rate exceeded', 400)
    : new JsonServiceError('InternalFailure', 'The request processing has failed because of an unknown error.', 500);
}

/** Parses `--fault KIND:RATE[:OPS]`, e.g. `SlowDown:0.2:CopyObject,HeadObject`. */
export function parseFault(spec: string): FaultRule {
  const [kind, rate, operations] = spec.split(':');
  return checkedFault({ kind, rate: Number(rate), operations: operations ? operations.split(',').filter(Boolean) : [] }, '--fault');
}

/** A fault rule as given from outside (a flag, a JSON body), refused with a message naming `source` unless the stack can inject it. */
export function checkedFault(given: { kind?: unknown; rate?: unknown; operations?: unknown }, source: string): FaultRule {
  const { kind, rate, operations = [] } = given;
  if (kind !== 'SlowDown' && kind !== 'InternalError' && kind !== 'drop') {
    throw new Error(`${source} kind must be SlowDown, InternalError or drop, not "${String(kind)}"`);
  }
  if (!(typeof rate === 'number' && rate >= 0 && rate <= 1)) throw new Error(`${source} rate must be between 0 and 1, not "${String(rate)}"`);
  if (!Array.isArray(operations) || !operations.every((operation) => typeof operation === 'string')) {
    throw new Error(`${source} operations must be a list of operation names`);
  }
  return { kind, rate, operations: [...operations] };
}
