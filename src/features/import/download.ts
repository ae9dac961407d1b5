// Saves text as a file through the browser's download, without leaving the page or the origin.
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The click has queued the download; the URL can go once this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
