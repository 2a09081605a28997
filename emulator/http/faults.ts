import type { FaultRule } from '../options.js';
import { S3Error } from './s3-error.js';
import { JsonServiceError } from './json-protocol.js';

/** The fault a request draws, if any, from the configured rules. */
export function drawFault(rules: FaultRule[], operation: string | undefined, random = Math.random): FaultRule | undefined {
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

/** Parses `--fault KIND:RATE[:Op1,Op2]`, e.g. `SlowDown:0.2:CopyObject,HeadObject`. */
export function parseFault(spec: string): FaultRule {
  const [kind, rate, operations] = spec.split(':');
  if (kind !== 'SlowDown' && kind !== 'InternalError' && kind !== 'drop') {
    throw new Error(`--fault kind must be SlowDown, InternalError or drop, not "${kind}"`);
  }
  const probability = Number(rate);
  if (!(probability >= 0 && probability <= 1)) throw new Error(`--fault rate must be between 0 and 1, not "${rate}"`);
  return { kind, rate: probability, operations: operations ? operations.split(',').filter(Boolean) : [] };
}
