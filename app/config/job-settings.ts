import { DEFAULT_CONCURRENCY } from '../domain/jobs/re-encryption-job';
import { DEFAULT_RETRY_SETTINGS, type RetryMode } from '../domain/jobs/retrying';

/** How re-encryption jobs send their requests: config.json's "jobs". */
export interface JobSettings {
  /** Requests in flight at once per job. */
  concurrency: number;
  /** The AWS SDK's retry mode for the job's requests: "standard", or "adaptive" to also slow down when S3 throttles. */
  retryMode: RetryMode;
  /** Attempts per request, the first included, as the SDK's maxAttempts. */
  maxAttempts: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  concurrency: DEFAULT_CONCURRENCY,
  retryMode: DEFAULT_RETRY_SETTINGS.mode,
  maxAttempts: DEFAULT_RETRY_SETTINGS.maxAttempts,
};

const MAX_CONCURRENCY = 64;
const MAX_ATTEMPTS = 20;

const isWholeNumberIn = (value: unknown, low: number, high: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;

export function parseJobSettings(value: unknown, problems: string[]): JobSettings {
  if (value === undefined) return DEFAULT_JOB_SETTINGS;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('"jobs" must be an object');
    return DEFAULT_JOB_SETTINGS;
  }
  const { concurrency, retryMode, maxAttempts } = { ...DEFAULT_JOB_SETTINGS, ...value } as Record<string, unknown>;
  if (!isWholeNumberIn(concurrency, 1, MAX_CONCURRENCY)) {
    problems.push(`"jobs.concurrency" must be a whole number from 1 to ${MAX_CONCURRENCY} (a browser opens 6 connections per host)`);
  }
  if (retryMode !== 'standard' && retryMode !== 'adaptive')
    problems.push('"jobs.retryMode" must be "standard" or "adaptive", the AWS SDK\'s retry modes');
  if (!isWholeNumberIn(maxAttempts, 1, MAX_ATTEMPTS)) problems.push(`"jobs.maxAttempts" must be a whole number from 1 to ${MAX_ATTEMPTS}`);
  return { concurrency, retryMode, maxAttempts } as JobSettings;
}
