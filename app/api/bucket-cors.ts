import { GetBucketCorsCommand } from '@aws-sdk/client-s3';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import type { CorsRuleView } from '../domain/cors-visibility';
import { queryKeys } from './keys';

/** The bucket's CORS rules; an empty list when it has none. A refusal (AccessDenied) is an error: the rules are then unknown. */
export async function getBucketCors(clients: AwsClients, bucket: string): Promise<CorsRuleView[]> {
  try {
    const output = await clients.s3(clients.regionOf(bucket)).send(new GetBucketCorsCommand({ Bucket: bucket }));
    return (output.CORSRules ?? []).map((rule) => ({
      AllowedOrigins: rule.AllowedOrigins,
      AllowedMethods: rule.AllowedMethods,
      ExposeHeaders: rule.ExposeHeaders,
    }));
  } catch (error) {
    if (error instanceof Error && error.name === 'NoSuchCORSConfiguration') return [];
    throw error;
  }
}

export const bucketCorsQuery = (clients: AwsClients, bucket: string) =>
  queryOptions({ queryKey: queryKeys.bucketCors(bucket), queryFn: () => getBucketCors(clients, bucket) });

export function useBucketCors(bucket: string) {
  return useQuery(bucketCorsQuery(useAwsClients(), bucket));
}
