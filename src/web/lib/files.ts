/** Files in the browser: sizes for people, saving a download, reading a file for a JSON body. */

const units = ['KB', 'MB', 'GB'] as const;

/**
 * "512 B", "1.5 KB", "31 MB": decimal units (1 MB = 1,000,000 bytes), the same as the limits
 * stated in the UI ("30 MB まで" is 30,000,000 bytes), so a refused file never reads as within them.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes.toLocaleString('ja-JP')} B`;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toLocaleString('ja-JP', { maximumFractionDigits: value < 100 ? 1 : 0 })} ${units[unit]}`;
}

/** Offer a Blob the browser holds as a download under the given name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled: Chromium starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file's bytes as base64 (without the data: prefix), for APIs that take files inside JSON. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
