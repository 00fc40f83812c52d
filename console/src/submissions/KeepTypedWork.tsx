import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Alert } from '@mui/material';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { browserStorage, changedFacts, draftKey, draftToApply, readDraft, writeDraft } from './submissionDraft';

/**
 * Inside the self-assessment form: keeps every typed value in a draft in localStorage, and puts the
 * draft back over the record each time the form resets to it: after an evidence upload (a new
 * revision the form reloads), after a 412 conflict (the newer revision is reloaded), after a reload
 * of the page or a crash. A successful save leaves nothing to keep, so the draft goes away.
 */
export const KeepTypedWork = ({ enabled }: { enabled: boolean }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { getValues, setValue, watch } = useFormContext();
  const [restored, setRestored] = useState<'same' | 'older' | null>(null);
  const key = enabled && identity?.id !== undefined && record?.id !== undefined ? draftKey(identity.id, record.id) : null;
  // The record the form shows now, for the callbacks below (updated before any of them runs).
  const recordRef = useRef(record);
  useLayoutEffect(() => {
    recordRef.current = record;
  }, [record]);
  const firstApply = useRef(true);

  /** The typed changes against the record now in the form, written down (none: no draft). */
  const keep = useCallback(() => {
    const current = recordRef.current;
    if (!key || !current) return;
    const changes = changedFacts(getValues('facts'), current.facts);
    writeDraft(browserStorage(), key, Number(current.revision), changes);
    if (!Object.keys(changes).length) setRestored(null);
  }, [key, getValues]);

  // Every change the user makes (or a draft put back) is kept; a reset (name undefined) is not typed work.
  useEffect(() => {
    if (!key) return;
    const subscription = watch((_values, { name }) => {
      if (name?.startsWith('facts')) keep();
    });
    return () => subscription.unsubscribe();
  }, [key, watch, keep]);

  // After the form has reset to a (re)loaded record (the form's own effect runs after this one),
  // put the draft back over it.
  const recordJson = JSON.stringify(record ?? null);
  useEffect(() => {
    if (!key) return;
    const timer = setTimeout(() => {
      const current = recordRef.current;
      if (!current) return;
      const plan = draftToApply(readDraft(browserStorage(), key), getValues('facts'), Number(current.revision));
      if (plan) {
        for (const [fact, value] of Object.entries(plan.facts)) setValue(`facts.${fact}`, value, { shouldDirty: true });
        if (firstApply.current) setRestored(plan.olderRevision ? 'older' : 'same');
      }
      firstApply.current = false;
      keep();
    }, 0);
    return () => clearTimeout(timer);
  }, [key, recordJson, getValues, setValue, keep]);

  if (!restored) return null;
  return (
    <Alert severity="info" onClose={() => setRestored(null)} data-testid="draft-restored" sx={{ width: '100%', mb: 1 }}>
      {translate(restored === 'older' ? 'chiso.submission.draftRestoredOlder' : 'chiso.submission.draftRestored')}
    </Alert>
  );
};
