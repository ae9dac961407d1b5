// Which of the URLs a tab fetched went to another origin (data: and blob: URLs are local).
export function foreignUrls(urls: readonly string[], origin: string): string[] {
  return urls.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    try {
      return new URL(url).origin !== origin;
    } catch {
      return true;
    }
  });
}
