import { unknownConditionOperators } from './conditions.js';
import { asList, type PolicyDocument } from './policy.js';

/** IAM's refusal of a policy document it cannot evaluate (PutRolePolicy's MalformedPolicyDocument). */
export class MalformedPolicyDocument extends Error {
  readonly code = 'MalformedPolicyDocument';
}

/**
 * Refuses a document the evaluator could not apply as written, rather than
 * storing it and quietly ignoring a statement: a Deny that never applies
 * would grant what it was written to refuse.
 */
export function checkPolicyDocument(policyName: string, document: PolicyDocument): void {
  asList(document.Statement).forEach((statement, index) => {
    const where = `Policy ${policyName}, statement ${statement.Sid ?? index + 1}`;
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      throw new MalformedPolicyDocument(`${where}: Effect must be Allow or Deny, not ${JSON.stringify(statement.Effect)}.`);
    }
    const unknown = unknownConditionOperators(statement.Condition);
    if (unknown.length > 0) {
      throw new MalformedPolicyDocument(`${where}: unknown condition operator ${unknown.map((name) => JSON.stringify(name)).join(', ')}.`);
    }
  });
}
