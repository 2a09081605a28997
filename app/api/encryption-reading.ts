import type { UseQueryResult } from '@tanstack/react-query';
import { classifyEncryptionHeaders, classifyHeadFailure, type EncryptionReading, type HeaderVisibility } from '../domain/encryption';
import { httpStatusOf, toAwsProblem } from './aws-error';
import type { ObjectHead } from './head-object';

/** What a HeadObject query says about encryption: undefined while it is still loading. */
export function encryptionReadingOf(
  head: UseQueryResult<ObjectHead>,
  visibility: HeaderVisibility,
  sentCustomerKey: boolean,
): EncryptionReading | undefined {
  if (head.isSuccess) return classifyEncryptionHeaders(head.data, visibility);
  if (head.isError) return classifyHeadFailure(httpStatusOf(head.error), sentCustomerKey, toAwsProblem(head.error).message);
  return undefined;
}
