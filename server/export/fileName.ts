// The name of an exported file, shared by the server (Content-Disposition) and the browser
// (PNG and SVG made on the client), so both follow one rule. No Node imports: Vite bundles it.

/** "lagebild-<what>-<YYYY-MM-DD-HHMM>.<ext>", with `what` reduced to safe ASCII. */
export function exportFileName(what: string, when: Date, extension: string): string {
  const slug =
    what
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'export';
  const stamp = when.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `lagebild-${slug}-${stamp}.${extension}`;
}
