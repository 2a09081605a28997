import { conditionsHold } from './conditions.js';
import { actionMatches, resourceMatches } from './matching.js';
import { asList, type AuthorizationRequest, type PolicyDocument, type PolicyStatement } from './policy.js';

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/**
 * Identity-based policy evaluation as the IAM User Guide describes it within
 * one account: an applicable Deny wins, else an applicable Allow, else the
 * request is implicitly denied.
 */
export function evaluatePolicies(documents: readonly PolicyDocument[], request: AuthorizationRequest): Decision {
  const applicable = documents.flatMap((document) => asList(document.Statement)).filter((s) => applies(s, request));
  if (applicable.some((s) => s.Effect === 'Deny')) return 'ExplicitDeny';
  return applicable.some((s) => s.Effect === 'Allow') ? 'Allow' : 'ImplicitDeny';
}

function applies(statement: PolicyStatement, request: AuthorizationRequest): boolean {
  return (
    listed(statement.Action, statement.NotAction, (pattern) => actionMatches(pattern, request.action)) &&
    listed(statement.Resource, statement.NotResource, (pattern) => resourceMatches(pattern, request.resource)) &&
    conditionsHold(statement.Condition, request.context ?? {})
  );
}

/** Action/Resource name what a statement covers; NotAction/NotResource cover everything they do not name. */
function listed(included: PolicyStatement['Action'], excluded: PolicyStatement['NotAction'], matches: (pattern: string) => boolean): boolean {
  if (included !== undefined) return asList(included).some(matches);
  if (excluded !== undefined) return !asList(excluded).some(matches);
  return false;
}
