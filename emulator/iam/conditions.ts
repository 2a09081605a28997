import { CONDITION_OPERATORS, type ConditionOperator } from './condition-operators.js';
import { asList, type ConditionBlock } from './policy.js';

/**
 * A Condition operator as a policy writes it: `Null`, or an operator of
 * condition-operators.ts with an optional `IfExists` suffix and an optional
 * `ForAnyValue:` / `ForAllValues:` prefix.
 */
type ParsedOperator =
  { kind: 'null' } | { kind: 'compare'; operator: ConditionOperator; ifExists: boolean; set: 'ForAnyValue' | 'ForAllValues' | undefined };

const IF_EXISTS = 'IfExists';

function parseOperator(name: string): ParsedOperator | undefined {
  if (name === 'Null') return { kind: 'null' };
  const qualified = /^(ForAnyValue|ForAllValues):(.+)$/.exec(name);
  const set = qualified?.[1] as 'ForAnyValue' | 'ForAllValues' | undefined;
  const unqualified = qualified ? qualified[2] : name;
  const ifExists = unqualified.endsWith(IF_EXISTS);
  const base = ifExists ? unqualified.slice(0, -IF_EXISTS.length) : unqualified;
  if (!Object.hasOwn(CONDITION_OPERATORS, base)) return undefined;
  return { kind: 'compare', operator: CONDITION_OPERATORS[base], ifExists, set };
}

/** The operators of a Condition block that IAM does not know: a policy using one is malformed. */
export function unknownConditionOperators(condition: ConditionBlock | undefined): string[] {
  return Object.keys(condition ?? {}).filter((name) => parseOperator(name) === undefined);
}

/**
 * Every operator, and every key under it, must hold; any one of a key's
 * values may match. The request's keys are single-valued, so a set operator
 * sees one value, or none when the key is absent.
 */
export function conditionsHold(condition: ConditionBlock | undefined, context: Readonly<Record<string, string>>): boolean {
  if (!condition) return true;
  const byLowerName = new Map(Object.entries(context).map(([name, value]) => [name.toLowerCase(), value]));
  return Object.entries(condition).every(([name, keys]) => {
    const operator = parseOperator(name);
    // Policies are checked when a role is stored (RoleStore), so only a bug gets here.
    if (!operator) throw new Error(`IAM condition operator ${name} is unknown; the policy should have been refused when stored`);
    return Object.entries(keys).every(([key, values]) => keyHolds(operator, byLowerName.get(key.toLowerCase()), asList(values).map(String)));
  });
}

function keyHolds(parsed: ParsedOperator, actual: string | undefined, wanted: readonly string[]): boolean {
  if (parsed.kind === 'null') return wanted.some((value) => (value.toLowerCase() === 'true') === (actual === undefined));
  const { operator, ifExists, set } = parsed;
  if (actual === undefined && ifExists) return true;
  const valueHolds = (value: string) => wanted.some((w) => operator.matches(value, w)) !== operator.negated;
  const actualValues = actual === undefined ? [] : [actual];
  if (set === 'ForAllValues') return actualValues.every(valueHolds);
  if (set === 'ForAnyValue') return actualValues.some(valueHolds);
  return actual === undefined ? operator.negated : valueHolds(actual);
}
