// Files the API sends to save (exports, templates, report cards), fetched with the session cookie
// so that a refusal shows the server's own message instead of a saved error page.
import { getLocale } from './locale';
import { problemToError, type Problem } from './problem';

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
  const href = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
