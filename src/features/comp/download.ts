// Saves text as a file through a temporary blob: URL (nothing leaves the tab).
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

export function safeFileName(name: string): string {
  return name.replace(/[^\w.-]+/g, '_') || 'file';
}
