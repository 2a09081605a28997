import { globMatches } from './matching.js';
import { asList, type ConditionBlock } from './policy.js';

/**
 * The Condition operators the stack evaluates; enough for the keys it sets
 * (aws:SecureTransport, s3:prefix, kms:ViaService). A statement using any
 * other operator does not apply (logged once per operator), so an Allow that
 * needs one grants nothing and a Deny that needs one refuses nothing.
 */
const OPERATORS: Record<string, (actual: string, wanted: string) => boolean> = {
  // The comparison each operator makes; a negated one (NEGATED) holds where it fails.
  Bool: (actual, wanted) => actual.toLowerCase() === wanted.toLowerCase(),
  StringEquals: (actual, wanted) => actual === wanted,
  StringNotEquals: (actual, wanted) => actual === wanted,
  StringLike: (actual, wanted) => globMatches(wanted, actual),
  StringNotLike: (actual, wanted) => globMatches(wanted, actual),
};

/** A negated operator holds when no value matches, and when the key is absent. */
const NEGATED = new Set(['StringNotEquals', 'StringNotLike']);

const SUPPORTED_CONDITION_OPERATORS: readonly string[] = Object.keys(OPERATORS);

const reported = new Set<string>();

/** Every operator, and every key under it, must hold; any one of a key's values may match. */
export function conditionsHold(condition: ConditionBlock | undefined, context: Readonly<Record<string, string>>): boolean {
  if (!condition) return true;
  const byLowerName = new Map(Object.entries(context).map(([name, value]) => [name.toLowerCase(), value]));
  return Object.entries(condition).every(([operator, keys]) => {
    const compare = OPERATORS[operator];
    if (!compare) {
      reportUnsupported(operator);
      return false;
    }
    return Object.entries(keys).every(([key, values]) => {
      const actual = byLowerName.get(key.toLowerCase());
      const wanted = asList(values).map(String);
      if (NEGATED.has(operator)) return actual === undefined || !wanted.some((value) => compare(actual, value));
      return actual !== undefined && wanted.some((value) => compare(actual, value));
    });
  });
}

function reportUnsupported(operator: string): void {
  if (reported.has(operator)) return;
  reported.add(operator);
  console.warn(
    `[local-aws] IAM condition operator ${operator} is not supported (only ${SUPPORTED_CONDITION_OPERATORS.join(', ')});` +
      ' statements using it do not apply',
  );
}
