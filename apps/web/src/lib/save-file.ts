/** Saves text as a file through a temporary link, the one way every browser downloads generated content. */
export function saveFile(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; a tick later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from user text: letters, digits, dots, dashes and underscores only. */
export function fileStemOf(text: string): string {
  const stem = text
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem === '' ? 'raisin' : stem;
}
