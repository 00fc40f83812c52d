import { useEffect, useState } from 'react';
import type { Finding } from '../../../../server/engine';
import { validateLive } from '../../api/liveValidation';

/**
 * Schema findings of the document as it is being edited, recomputed shortly after each change;
 * null when the page may not run the schema compiler (see api/liveValidation.ts).
 */
export const useLiveFindings = (doc: unknown, delay = 250): Finding[] | null => {
  const [findings, setFindings] = useState<Finding[] | null>([]);
  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      if (doc === undefined) setFindings([]);
      else validateLive(doc).then((f) => !cancelled && setFindings(f));
    }, delay);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [doc, delay]);
  return findings;
};
