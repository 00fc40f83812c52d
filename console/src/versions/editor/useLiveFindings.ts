import { useEffect, useState } from 'react';
import { validateVersion } from '../../../../server/engine/validate';
import type { Finding } from '../../../../server/engine/finding';

/** Schema findings of the document as it is being edited, recomputed shortly after each change. */
export const useLiveFindings = (doc: unknown, delay = 250): Finding[] => {
  const [findings, setFindings] = useState<Finding[]>(() => validateVersion(doc));
  useEffect(() => {
    const timer = window.setTimeout(() => setFindings(validateVersion(doc)), delay);
    return () => window.clearTimeout(timer);
  }, [doc, delay]);
  return findings;
};
