/** How the details page writes values S3 returns; dates in UTC so every reader sees the same instant. */

export const NOT_SET = '—';

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** Exact bytes first, as S3 counts them, then the human size. */
export function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return NOT_SET;
  const exact = `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return bytes < 1024 ? exact : `${exact} (${humanSize(bytes)})`;
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
