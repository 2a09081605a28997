import type { UseQueryResult } from '@tanstack/react-query';
import { httpStatusOf, toAwsProblem } from '../domain/aws-error';
import { classifyEncryptionHeaders, classifyHeadFailure, type EncryptionReading, type HeaderVisibility } from '../domain/encryption';
import type { ObjectHead } from '../domain/s3-object';

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
