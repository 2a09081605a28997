/** A KMS error as the JSON 1.1 protocol reports it (`__type` and `message`). */
export class KmsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const kmsErrors = {
  notFound: (message: string) => new KmsError('NotFoundException', message),
  disabled: (arn: string) => new KmsError('DisabledException', `${arn} is disabled.`),
  invalidCiphertext: () => new KmsError('InvalidCiphertextException', ''),
  incorrectKey: () => new KmsError('IncorrectKeyException', 'The key ID in the request does not identify the key used to encrypt the ciphertext.'),
  alreadyExists: (message: string) => new KmsError('AlreadyExistsException', message),
  validation: (message: string) => new KmsError('ValidationException', message),
  invalidState: (message: string) => new KmsError('KMSInvalidStateException', message),
  pendingDeletion: (arn: string) => new KmsError('KMSInvalidStateException', `${arn} is pending deletion.`),
  invalidArn: (message: string) => new KmsError('InvalidArnException', message),
};
