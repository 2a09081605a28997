import { useEffect, useState } from 'react';
import { useAwsClients } from '../../aws/aws-context';
import type { CustomerKey } from '../../domain/customer-key';
import { customerKeyMd5 } from '../../domain/jobs/customer-keys';

/** The MD5 S3 names an SSE-C key by, with the SDK's own hash (browsers' WebCrypto has no MD5); undefined until computed. */
export function useCustomerKeyMd5(key: CustomerKey | undefined): string | undefined {
  const clients = useAwsClients();
  const [computed, setComputed] = useState<{ id: string; md5: string }>();
  useEffect(() => {
    if (!key) return;
    let current = true;
    void customerKeyMd5(key, clients.s3().config.md5).then((md5) => current && setComputed({ id: key.id, md5 }));
    return () => {
      current = false;
    };
  }, [key, clients]);
  return key && computed?.id === key.id ? computed.md5 : undefined;
}
