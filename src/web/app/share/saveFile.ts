// Saves a file the reader asked for. The object URL is revoked on the next tick: revoking it at once can
// cancel the download in some browsers.

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function saveText(text: string, type: string, fileName: string): void {
  saveBlob(new Blob([text], { type }), fileName);
}
