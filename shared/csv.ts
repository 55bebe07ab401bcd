// A strict RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes), with the
// line each row starts on. Anything RFC 4180 does not allow is an error naming its line, never
// guessed around: an unterminated quote (which would otherwise swallow every following row into
// one field), a quote inside an unquoted field, text after a closing quote, or a row whose
// number of fields differs from the header's. A byte-order mark before the header is ignored.
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A CSV syntax error; its message starts with the 1-based line: "3: …". */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${line}: ${reason}`);
  }
}

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  /** The current cell was quoted and its closing quote seen: only a separator may follow. */
  let closed = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = (): void => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '' || closed) {
      const width = rows.length > 0 ? rows[0].cells.length : cells.length;
      if (cells.length !== width)
        throw new CsvError(
          rowLine,
          `${cells.length} field${cells.length === 1 ? '' : 's'} where the header has ${width}`,
        );
      rows.push({ line: rowLine, cells });
    }
    cells = [];
    cell = '';
    closed = false;
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        closed = true;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      closed = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else if (closed)
      throw new CsvError(line, 'text after a closing quote (a field is quoted whole, or not at all)');
    else if (c === '"') {
      if (cell !== '')
        throw new CsvError(
          line,
          'a quote inside an unquoted field (quote the whole field and double the quote)',
        );
      quoted = true;
      quoteLine = line;
    } else cell += c;
  }
  if (quoted) throw new CsvError(quoteLine, 'unterminated quote: the field runs to the end of the file');
  if (cell !== '' || cells.length > 0 || closed) endRow();
  return rows;
}

/**
 * One RFC 4180 record: a field holding a comma, a quote, CR or LF is quoted, quotes doubled;
 * records end in CRLF, as RFC 4180 says (parseCsv reads them back, and LF-only files too).
 */
export function formatCsvRow(cells: readonly string[]): string {
  return cells.map((s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)).join(',') + '\r\n';
}
