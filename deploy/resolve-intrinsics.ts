import type { CfnTemplate, CfnValue } from './cloudformation.js';

/**
 * For tests: the template as CloudFormation would resolve it for one set of
 * parameters, with made-up physical ids: parameters checked against their
 * constraints, conditions evaluated, resources whose condition fails left
 * out, and the intrinsic functions the template uses (Ref, Fn::GetAtt,
 * Fn::Sub, Fn::Join, Fn::Split, Fn::If, Fn::Equals, AWS::NoValue) replaced by
 * their values. Anything else is an error, so the template cannot use a
 * function these tests do not understand.
 */

export interface Deployment {
  /** As given to `aws cloudformation deploy --parameter-overrides`; the others take their defaults. */
  parameters: Record<string, string>;
  region: string;
  accountId: string;
  stackName: string;
  /** Ref of each resource. */
  physicalIds: Record<string, string>;
  /** Fn::GetAtt, as `Resource.Attribute` → value. */
  attributes: Record<string, string>;
}

export type Resolved = string | number | boolean | Resolved[] | { [key: string]: Resolved };

export interface ResolvedStack {
  conditions: Record<string, boolean>;
  resources: Record<string, { Type: string; Properties: { [key: string]: Resolved } }>;
  outputs: Record<string, Resolved>;
}

const NO_VALUE = Symbol('AWS::NoValue');
type Value = Resolved | typeof NO_VALUE | undefined;

export function resolveTemplate(template: CfnTemplate, deployment: Deployment): ResolvedStack {
  const parameters = parameterValues(template, deployment.parameters);
  const pseudo: Record<string, string> = {
    'AWS::Region': deployment.region,
    'AWS::AccountId': deployment.accountId,
    'AWS::StackName': deployment.stackName,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  const conditions: Record<string, boolean> = {};
  const present = (resource: string) => {
    const declared = template.Resources[resource];
    return declared !== undefined && (declared.Condition === undefined || conditions[declared.Condition]);
  };

  const ref = (name: string): Value => {
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name in pseudo) return pseudo[name];
    if (name in parameters) return parameters[name];
    if (!present(name)) throw new Error(`Ref to ${name}, which is neither a parameter nor a resource of this stack`);
    return required(deployment.physicalIds[name], `physical id for ${name}`);
  };
  const getAtt = (resource: string, attribute: string): string => {
    if (!present(resource)) throw new Error(`Fn::GetAtt of ${resource}, which is not a resource of this stack`);
    return required(deployment.attributes[`${resource}.${attribute}`], `the attribute ${resource}.${attribute}`);
  };
  const substitute = (text: string, variables: Record<string, Value>): string =>
    text.replace(/\$\{([^}]+)\}/g, (_match, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      const value = name in variables ? variables[name] : name.includes('.') ? getAtt(...(name.split('.', 2) as [string, string])) : ref(name);
      if (typeof value !== 'string') throw new Error(`Fn::Sub: \${${name}} is not a string`);
      return value;
    });

  const resolve = (value: CfnValue | undefined): Value => {
    if (value === undefined || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(resolve).filter((item): item is Resolved => item !== NO_VALUE && item !== undefined);
    const entries = Object.entries(value as Record<string, CfnValue>);
    const [name, argument] = entries[0] ?? [];
    if (entries.length === 1 && (name === 'Ref' || name.startsWith('Fn::'))) return intrinsic(name, argument);
    return Object.fromEntries(
      entries.flatMap(([key, item]) => {
        const resolved = resolve(item);
        return resolved === NO_VALUE || resolved === undefined ? [] : [[key, resolved]];
      }),
    );
  };
  const strings = (value: Value, what: string): string[] => {
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new Error(`${what} must be a list of strings`);
    return value as string[];
  };
  const intrinsic = (name: string, argument: CfnValue): Value => {
    const args = Array.isArray(argument) ? (argument as CfnValue[]) : [argument];
    switch (name) {
      case 'Ref':
        return ref(argument as string);
      case 'Fn::GetAtt':
        return getAtt(args[0] as string, args[1] as string);
      case 'Fn::Sub': {
        const variables = Object.fromEntries(
          Object.entries((args[1] ?? {}) as Record<string, CfnValue>).map(([key, v]): [string, Value] => [key, resolve(v)]),
        );
        return substitute(args[0] as string, variables);
      }
      case 'Fn::Join':
        return strings(resolve(args[1]), 'Fn::Join of a list').join(literal(args[0], 'Fn::Join delimiter'));
      case 'Fn::Split': {
        const text = resolve(args[1]);
        if (typeof text !== 'string') throw new Error('Fn::Split of a non-string');
        return text.split(literal(args[0], 'Fn::Split delimiter'));
      }
      case 'Fn::If': {
        const condition = literal(args[0], 'Fn::If condition');
        if (!(condition in conditions)) throw new Error(`Fn::If names no condition ${condition}`);
        return resolve(conditions[condition] ? args[1] : args[2]);
      }
      case 'Fn::Equals':
        return JSON.stringify(resolve(args[0])) === JSON.stringify(resolve(args[1]));
      default:
        throw new Error(`The template uses ${name}, which this resolver does not know`);
    }
  };

  for (const [name, condition] of Object.entries(template.Conditions)) {
    const holds = resolve(condition);
    if (typeof holds !== 'boolean') throw new Error(`Condition ${name} is not a boolean`);
    conditions[name] = holds;
  }
  const resources = Object.fromEntries(
    Object.entries(template.Resources)
      .filter(([logicalId]) => present(logicalId))
      .map(([logicalId, resource]) => [logicalId, { Type: resource.Type, Properties: resolve(resource.Properties) as { [key: string]: Resolved } }]),
  );
  const outputs = Object.fromEntries(Object.entries(template.Outputs).map(([name, output]) => [name, resolve(output.Value) as Resolved]));
  return { conditions, resources, outputs };
}

/** Parameter values, checked as CloudFormation checks them before it creates anything. */
function parameterValues(template: CfnTemplate, given: Record<string, string>): Record<string, string | string[]> {
  for (const name of Object.keys(given)) {
    if (!(name in template.Parameters)) throw new Error(`Parameters: ${name} is not a parameter of the template`);
  }
  return Object.fromEntries(
    Object.entries(template.Parameters).map(([name, parameter]) => {
      const value = required(given[name] ?? parameter.Default, `value for parameter ${name}`);
      if (parameter.AllowedValues && !parameter.AllowedValues.includes(value)) {
        throw new Error(`Parameter ${name} must be one of ${parameter.AllowedValues.join(', ')}`);
      }
      // A list's pattern applies to each of its members, as CloudFormation applies it.
      const members = parameter.Type === 'CommaDelimitedList' ? value.split(',') : [value];
      const pattern = parameter.AllowedPattern && new RegExp(`^(?:${parameter.AllowedPattern})$`);
      if (pattern && !members.every((member) => pattern.test(member))) {
        throw new Error(`Parameter ${name} failed to satisfy constraint: ${parameter.ConstraintDescription ?? parameter.AllowedPattern}`);
      }
      return [name, parameter.Type === 'CommaDelimitedList' ? members : value];
    }),
  );
}

function literal(value: CfnValue | undefined, what: string): string {
  if (typeof value !== 'string') throw new Error(`${what} must be literal text`);
  return value;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The deployment gives no ${what}`);
  return value;
}
