import { s3Errors } from '../http/s3-error.js';
import type { S3Handler } from './call.js';
import { xmlReply } from './call.js';
import type { CorsRule } from './model.js';
import { getBucket, saveBucket } from './repository.js';
import { readXmlDocument, xmlElements, xmlInteger, xmlText, xmlTexts, type XmlElement } from './xml-document.js';

/** GetBucketCors, PutBucketCors and DeleteBucketCors. How rules answer browsers is http/cors.ts. */

const CORS_METHODS: readonly string[] = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];
const MAX_RULES = 100;

export const getBucketCors: S3Handler = (call) => {
  const { cors } = getBucket(call.ctx, call.bucket);
  if (!cors) throw s3Errors.noSuchCorsConfiguration(call.bucket);
  return xmlReply('CORSConfiguration', {
    CORSRule: cors.map((rule) => ({
      ID: rule.id,
      AllowedHeader: rule.allowedHeaders,
      AllowedMethod: rule.allowedMethods,
      AllowedOrigin: rule.allowedOrigins,
      ExposeHeader: rule.exposeHeaders,
      MaxAgeSeconds: rule.maxAgeSeconds,
    })),
  });
};

/** Replaces the whole configuration. S3 takes it only with a Content-MD5 or x-amz-checksum-* header. */
export const putBucketCors: S3Handler = async (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  const document = await readXmlDocument<XmlElement>(call, 'CORSConfiguration', { integrityRequired: true });
  const elements = xmlElements(document.CORSRule);
  if (elements.length === 0 || elements.length > MAX_RULES) throw s3Errors.malformedXml();
  saveBucket(call.ctx, { ...bucket, cors: elements.map(readRule) });
  return { status: 200 };
};

/** 204 whether or not the bucket had a configuration. */
export const deleteBucketCors: S3Handler = (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  saveBucket(call.ctx, { ...bucket, cors: undefined });
  return { status: 204 };
};

/** Values are kept as sent (origins unnormalised, header names in their case), as GetBucketCors gives them back. */
function readRule(element: XmlElement): CorsRule {
  const rule: CorsRule = {
    id: xmlText(element.ID),
    allowedOrigins: xmlTexts(element.AllowedOrigin),
    allowedMethods: xmlTexts(element.AllowedMethod),
    allowedHeaders: xmlTexts(element.AllowedHeader),
    exposeHeaders: xmlTexts(element.ExposeHeader),
    maxAgeSeconds: xmlInteger(element.MaxAgeSeconds),
  };
  if (rule.allowedOrigins.length === 0 || rule.allowedMethods.length === 0) throw s3Errors.malformedXml();
  const unsupported = rule.allowedMethods.find((method) => !CORS_METHODS.includes(method));
  if (unsupported !== undefined) {
    throw s3Errors.invalidRequest(`Found unsupported HTTP method in CORS config. Unsupported method is ${unsupported}`);
  }
  refuseSeveralWildcards('AllowedOrigin', rule.allowedOrigins);
  refuseSeveralWildcards('AllowedHeader', rule.allowedHeaders);
  return rule;
}

/** An AllowedOrigin or AllowedHeader may hold at most one `*`. */
function refuseSeveralWildcards(element: string, values: string[]): void {
  const value = values.find((v) => v.indexOf('*') !== v.lastIndexOf('*'));
  if (value !== undefined) throw s3Errors.invalidRequest(`${element} "${value}" can not have more than one wildcard.`);
}
