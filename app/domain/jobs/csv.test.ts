import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

/** An RFC 4180 reader, to show the written text reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

describe('csvCell', () => {
  it('quotes cells with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain.txt')).toBe('plain.txt');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('keeps spreadsheets from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('guards a formula behind leading whitespace, which spreadsheets skip', () => {
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('  +1')).toBe("'  +1");
    expect(csvCell('\u00a0-2')).toBe("'\u00a0-2");
    expect(csvCell('\n@SUM(A1)')).toBe(`"'\n@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell(' plain')).toBe(' plain');
  });
});

describe('toCsv', () => {
  it('reads back cell for cell, hostile keys included', () => {
    const keys = ['with space.txt', 'comma,key.csv', 'quote"key', 'multi\nline\r\nkey', 'emoji-🔐.txt', '', '../dot-dot.txt'];
    const text = toCsv(
      ['key', 'n'],
      keys.map((key, n) => [key, String(n)]),
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['key', 'n'], ...keys.map((key, n) => [key, String(n)])]);
  });
});
