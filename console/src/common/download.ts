// Files reach the person through the browser's own download: from the API with the session cookie,
// or made in the browser (the CSV of a table computed here).
import { getLocale } from '../api/locale';
import { problemToError, type Problem } from '../api/problem';

/** Hands a file to the browser's downloads under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Downloads an API file with the session cookie; a refused request becomes the server's problem message. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url, {
    credentials: 'include',
    headers: { 'Accept-Language': getLocale() === 'en' ? 'en, vi;q=0.5' : 'vi, en;q=0.5' },
  });
  if (!response.ok) {
    let problem: Problem | undefined;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = undefined;
    }
    throw problemToError(response.status, response.statusText, problem);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  saveBlob(await response.blob(), name);
}
