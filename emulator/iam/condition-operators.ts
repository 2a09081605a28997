import { BlockList, isIP } from 'node:net';
import { globMatches, resourceMatches } from './matching.js';

/**
 * The condition operators of the IAM reference ("IAM JSON policy elements:
 * Condition operators"), without their IfExists and ForAnyValue/ForAllValues
 * qualifiers (conditions.ts): each compares a request's value with one value
 * of the policy. A negated operator holds where its positive counterpart
 * matches none of the policy's values, and when the key is absent.
 */
export interface ConditionOperator {
  matches: (actual: string, wanted: string) => boolean;
  negated: boolean;
}

const positive = (matches: ConditionOperator['matches']): ConditionOperator => ({ matches, negated: false });
const negated = (operator: ConditionOperator): ConditionOperator => ({ matches: operator.matches, negated: true });

/** Numbers compare as numbers; a value that is not one matches nothing. */
const numeric = (holds: (actual: number, wanted: number) => boolean) =>
  positive((actual, wanted) => {
    const [a, w] = [Number(actual), Number(wanted)];
    return actual.trim() !== '' && wanted.trim() !== '' && !Number.isNaN(a) && !Number.isNaN(w) && holds(a, w);
  });

/** Dates are ISO 8601 (`2026-12-04T10:00:00Z`, `2026-12-04`) or epoch seconds, as IAM takes them. */
function epochMs(value: string): number {
  return /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
}

const date = (holds: (actual: number, wanted: number) => boolean) =>
  positive((actual, wanted) => {
    const [a, w] = [epochMs(actual), epochMs(wanted)];
    return !Number.isNaN(a) && !Number.isNaN(w) && holds(a, w);
  });

/** An address against a CIDR block (or a single address), IPv4 or IPv6. */
function inCidr(address: string, cidr: string): boolean {
  const [network, prefix] = cidr.split('/');
  const family = isIP(network) === 6 ? 'ipv6' : 'ipv4';
  if (isIP(network) === 0 || isIP(address) !== isIP(network)) return false;
  const bits = prefix === undefined ? (family === 'ipv6' ? 128 : 32) : Number(prefix);
  if (!Number.isInteger(bits) || bits < 0 || bits > (family === 'ipv6' ? 128 : 32)) return false;
  const block = new BlockList();
  block.addSubnet(network, bits, family);
  return block.check(address, family);
}

const stringEquals = positive((actual, wanted) => actual === wanted);
const stringEqualsIgnoreCase = positive((actual, wanted) => actual.toLowerCase() === wanted.toLowerCase());
const stringLike = positive((actual, wanted) => globMatches(wanted, actual));
const numericEquals = numeric((a, w) => a === w);
const dateEquals = date((a, w) => a === w);
const ipAddress = positive(inCidr);
// ArnEquals and ArnLike are the same test: part by part, case-sensitive, with wildcards.
const arnLike = positive((actual, wanted) => resourceMatches(wanted, actual));

export const CONDITION_OPERATORS: Readonly<Record<string, ConditionOperator>> = {
  StringEquals: stringEquals,
  StringNotEquals: negated(stringEquals),
  StringEqualsIgnoreCase: stringEqualsIgnoreCase,
  StringNotEqualsIgnoreCase: negated(stringEqualsIgnoreCase),
  StringLike: stringLike,
  StringNotLike: negated(stringLike),
  NumericEquals: numericEquals,
  NumericNotEquals: negated(numericEquals),
  NumericLessThan: numeric((a, w) => a < w),
  NumericLessThanEquals: numeric((a, w) => a <= w),
  NumericGreaterThan: numeric((a, w) => a > w),
  NumericGreaterThanEquals: numeric((a, w) => a >= w),
  DateEquals: dateEquals,
  DateNotEquals: negated(dateEquals),
  DateLessThan: date((a, w) => a < w),
  DateLessThanEquals: date((a, w) => a <= w),
  DateGreaterThan: date((a, w) => a > w),
  DateGreaterThanEquals: date((a, w) => a >= w),
  Bool: positive((actual, wanted) => actual.toLowerCase() === wanted.toLowerCase()),
  BinaryEquals: positive((actual, wanted) => Buffer.from(actual, 'base64').equals(Buffer.from(wanted, 'base64'))),
  IpAddress: ipAddress,
  NotIpAddress: negated(ipAddress),
  ArnEquals: arnLike,
  ArnLike: arnLike,
  ArnNotEquals: negated(arnLike),
  ArnNotLike: negated(arnLike),
};
