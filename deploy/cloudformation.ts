/** CloudFormation's JSON template grammar: the values and intrinsic functions the console stack uses. */

/** An object's property left undefined is left out of the template, as JSON.stringify leaves it out. */
export type CfnValue = string | number | boolean | readonly CfnValue[] | { readonly [key: string]: CfnValue | undefined };

export interface CfnResource {
  Type: string;
  /** A condition's name: the resource exists only where it holds. */
  Condition?: string;
  Properties: Record<string, CfnValue>;
}

export interface CfnParameter {
  Type: 'String' | 'CommaDelimitedList';
  Description: string;
  Default?: string;
  AllowedPattern?: string;
  AllowedValues?: readonly string[];
  ConstraintDescription?: string;
}

export interface CfnOutput {
  Description: string;
  Value: CfnValue;
}

export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters: Record<string, CfnParameter>;
  Conditions: Record<string, CfnValue>;
  Resources: Record<string, CfnResource>;
  Outputs: Record<string, CfnOutput>;
}

export const ref = (name: string): CfnValue => ({ Ref: name });

export const getAtt = (resource: string, attribute: string): CfnValue => ({ 'Fn::GetAtt': [resource, attribute] });

/** `${Name}` in `text` is a parameter, a resource's Ref, `${Resource.Attribute}` or one of `variables`. */
export const sub = (text: string, variables?: Record<string, CfnValue>): CfnValue =>
  variables ? { 'Fn::Sub': [text, variables] } : { 'Fn::Sub': text };

export const ifCondition = (condition: string, whenTrue: CfnValue, whenFalse: CfnValue): CfnValue => ({
  'Fn::If': [condition, whenTrue, whenFalse],
});

export const NO_VALUE = ref('AWS::NoValue');

/** `format` is applied to this marker to find the text it puts before and after an item. */
const ITEM = '\u0000';

/**
 * [format(a), format(b), …] for a list parameter. CloudFormation has no map
 * over a list, so the items are joined with what comes between two formatted
 * items, the first's prefix and the last's suffix are added around, and the
 * whole is split again. Fn::Join's delimiter must be literal text, so
 * `format` may add literal text only (no `${…}`), and no commas.
 */
export function formatEach(list: CfnValue, format: (item: string) => string): CfnValue {
  const [before, after, ...rest] = format(ITEM).split(ITEM);
  if (after === undefined || rest.length > 0 || /[,$]/.test(before + after)) {
    throw new Error(`formatEach: "${format('ITEM')}" must hold the item once, in literal text without ',' or '$'`);
  }
  return { 'Fn::Split': [',', sub(`${before}\${Items}${after}`, { Items: { 'Fn::Join': [`${after},${before}`, list] } })] };
}
