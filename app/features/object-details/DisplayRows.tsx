import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import type { DisplayRow } from './object-rows.utils';

/** Rows as key-value pairs; `leading` pairs hold values that are components rather than text. */
export function DisplayRows({ rows, columns, leading = [] }: { rows: DisplayRow[]; columns: number; leading?: KeyValuePairsProps.Pair[] }) {
  const items = [...leading, ...rows.map((row) => ({ label: row.label, value: <span style={{ overflowWrap: 'anywhere' }}>{row.value}</span> }))];
  return <KeyValuePairs columns={columns} items={items} />;
}
