import { GetBucketCorsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { CorsRuleView } from '../domain/cors-visibility';

/** The bucket's CORS rules; an empty list when it has none. A refusal (AccessDenied) is an error: the rules are then unknown. */
export async function getBucketCors(s3: S3Client, bucket: string): Promise<CorsRuleView[]> {
  try {
    const output = await s3.send(new GetBucketCorsCommand({ Bucket: bucket }));
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
