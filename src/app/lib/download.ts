/** Saves text or a blob as a file through the browser's download, without leaving the page. */
export function download(name: string, content: string | Blob, type = 'text/plain'): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has taken the data by the time the next task runs.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A name safe for a file from a repository's name (`cncf/tag-security` → `cncf-tag-security`). */
export function fileStem(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'graph';
}
