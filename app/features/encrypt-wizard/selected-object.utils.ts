import { httpStatusOf, toAwsProblem } from '../../domain/aws-error';
import { classifyHeadFailure, type EncryptionReading } from '../../domain/encryption';
import type { SelectedObject } from '../../domain/jobs/plan-input';
import type { ObjectHead } from '../../domain/s3-object';

type Unreadable = Extract<EncryptionReading, { status: 'unreadable' }>;

/** One HeadObject's answer as the wizard sees it. */
export type HeadAnswer = { status: 'pending' } | { status: 'success'; head: ObjectHead } | { status: 'error'; error: unknown };

/**
 * What the planner is told of one selected object: its HeadObject without a
 * key, or, for an SSE-C object, with the first source key given that opens
 * it. Undefined while an answer that decides it is still on its way.
 */
export function observeObject(bucket: string, key: string, plain: HeadAnswer, withSourceKeys: readonly HeadAnswer[]): SelectedObject | undefined {
  if (plain.status === 'pending') return undefined;
  if (plain.status === 'success') return { bucket, key, observation: { status: 'headed', head: plain.head } };
  const opened = withSourceKeys.find((answer) => answer.status === 'success');
  if (opened?.status === 'success') return { bucket, key, observation: { status: 'headed', head: opened.head } };
  if (withSourceKeys.some((answer) => answer.status === 'pending')) return undefined;
  const tried = withSourceKeys.length > 0;
  const failure = tried ? withSourceKeys[withSourceKeys.length - 1] : plain;
  const error = failure.status === 'error' ? failure.error : undefined;
  // A failure is always classified as unreadable.
  const reading = classifyHeadFailure(httpStatusOf(error), tried, toAwsProblem(error).message) as Unreadable;
  return { bucket, key, observation: reading };
}

/** HeadObject answered 400 without a key: the object is SSE-C, and a source key given in the review may open it. */
export function needsSourceKey(answer: HeadAnswer): boolean {
  return answer.status === 'error' && httpStatusOf(answer.error) === 400;
}
