const SIZE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Sizes as the S3 console writes them: 1 KB = 1,024 bytes, one decimal above bytes. */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}` : `${value.toFixed(1)} ${SIZE_UNITS[unit]}`;
}
