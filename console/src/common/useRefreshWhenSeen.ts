import { useEffect, useState } from 'react';
import { useRefresh } from 'react-admin';

/**
 * Pages that show what others change (an agency submits while the evaluator watches the period)
 * read it again when the window comes back into view and every `everyMs` while it is in view.
 * Returns a counter that grows with each refresh, for parts that fetch outside react-admin.
 */
export const useRefreshWhenSeen = (everyMs = 30_000): number => {
  const refresh = useRefresh();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = () => {
      if (document.visibilityState !== 'visible') return;
      refresh();
      setTick((t) => t + 1);
    };
    const timer = window.setInterval(again, everyMs);
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [refresh, everyMs]);
  return tick;
};
