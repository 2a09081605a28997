import { hiddenHeadersPlan } from './hidden-headers.js';
import { legacyArchivePlan } from './legacy-archive.js';
import { mixedEncryptionPlan } from './mixed-encryption.js';
import type { BucketPlan } from './model.js';
import { sseCBlockedPlan } from './sse-c-blocked.js';
import { versionedReportsPlan } from './versioned-reports.js';

export const DEMO_PLAN: readonly BucketPlan[] = [legacyArchivePlan, mixedEncryptionPlan, versionedReportsPlan, sseCBlockedPlan, hiddenHeadersPlan];
