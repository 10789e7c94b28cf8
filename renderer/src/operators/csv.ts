/** One CSV row; cells that a spreadsheet would run as a formula are quoted with a leading apostrophe. */
export function csvRow(cells: Array<string | number>): string {
  return cells
    .map((c) => {
      const s = String(c);
      return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

/** Hand a CSV to the browser's download (Electron: the save dialog). */
export function saveCsv(filename: string, rows: string[] | string): void {
  const text = Array.isArray(rows) ? rows.join('\r\n') + '\r\n' : rows;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
