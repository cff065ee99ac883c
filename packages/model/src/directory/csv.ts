import Papa from 'papaparse';

export interface CsvRow {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

/**
 * Parses CSV text into rows with the physical line each record starts on (I2). Papaparse runs
 * with headers off and reports each record's end offset; counting newlines up to the record's
 * start gives a line number that stays right when quoted fields span lines. Blank lines are
 * skipped (they are not records), but still counted.
 */
export function parseCsvWithLines(text: string): CsvRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let start = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      for (let i = counted; i < start; i++) if (body.charCodeAt(i) === 10) line++;
      counted = start;
      const cells = result.data;
      const blank = cells.length === 0 || (cells.length === 1 && (cells[0] ?? '').trim() === '');
      if (!blank) rows.push({ line, cells });
      start = result.meta.cursor;
    },
  });
  return rows;
}
