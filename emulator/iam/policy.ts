/**
 * IAM policy documents as AWS writes them (the JSON grammar of the IAM
 * reference): plain data, so the same documents can go into a deployment
 * template unchanged.
 */

export type OneOrMore<T> = T | readonly T[];

/** Operator → condition key → value(s), e.g. `{ Bool: { 'aws:SecureTransport': 'false' } }`. */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, OneOrMore<string | number | boolean>>>>>;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: OneOrMore<string>;
  NotAction?: OneOrMore<string>;
  Resource?: OneOrMore<string>;
  NotResource?: OneOrMore<string>;
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: OneOrMore<PolicyStatement>;
}

/** One request to authorize: an action (`s3:GetObject`) on a resource ARN, with the condition keys it brings. */
export interface AuthorizationRequest {
  action: string;
  resource: string;
  /** Condition keys of this request (e.g. s3:prefix, kms:ViaService); their names are case-insensitive. */
  context?: Readonly<Record<string, string>>;
}

/** How one operation of a service turns what its request addresses into the requests to authorize. */
export type ActionMapping<Target> = (target: Target) => AuthorizationRequest[];

/** The requests an operation needs; an operation missing from its service's table is a bug, never an allow. */
export function operationActions<Target>(
  table: Readonly<Record<string, ActionMapping<Target>>>,
  operation: string,
  target: Target,
): AuthorizationRequest[] {
  const mapping = table[operation];
  if (!mapping) throw new Error(`Operation ${operation} has no IAM actions in its service's table`);
  return mapping(target);
}

export function asList<T>(value: OneOrMore<T> | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
