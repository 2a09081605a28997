import { formatSize } from '../../shared/format-size';

/** How the details page writes values S3 returns; dates in UTC so every reader sees the same instant. */

export const NOT_SET = '—';

/** Exact bytes first, as S3 counts them, then the human size. */
export function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return NOT_SET;
  const exact = `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return bytes < 1024 ? exact : `${exact} (${formatSize(bytes)})`;
}

export function formatUtc(date: Date | undefined): string {
  if (date === undefined || Number.isNaN(date.getTime())) return NOT_SET;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** S3 sends the ETag quoted; the AWS console shows it without quotes. */
export function etagText(etag: string | undefined): string {
  return etag === undefined ? NOT_SET : etag.replace(/^"(.*)"$/, '$1');
}

export function textOrNotSet(value: string | undefined): string {
  return value === undefined || value === '' ? NOT_SET : value;
}
