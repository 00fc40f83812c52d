import { Edit, ShowButton, useGetIdentity, useNotify, useRedirect, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { SubmissionForm } from './SubmissionForm';
import { browserStorage, clearDraft, draftKey } from './submissionDraft';
import { messageOf, statusOf } from '../api/problem';
import { SubmissionTrail } from '../layout/trails';

/**
 * The agency's self-assessment form, saved as a new revision with If-Match. Typed values survive
 * what could lose them (see KeepTypedWork): on a 412 the newer revision is reloaded and the typed
 * values are put back over it, to be checked and saved again.
 */
export const SubmissionEdit = () => {
  const notify = useNotify();
  const translate = useTranslate();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect={false}
      transform={(data: RaRecord) => ({ facts: data.facts ?? {} })}
      mutationOptions={{
        onSuccess: (data: RaRecord) => {
          if (identity?.id !== undefined) clearDraft(browserStorage(), draftKey(identity.id, data.id));
          notify('chiso.submission.saved', { type: 'success' });
        },
        onError: (error: unknown) => {
          if (statusOf(error) === 412) {
            notify('chiso.submission.conflictKept', { type: 'warning', autoHideDuration: 15000, multiLine: true });
            refresh();
          } else notify(messageOf(error) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
        },
      }}
      title={translate('chiso.submission.formTitle')}
      actions={
        <SubmissionTrail>
          <ShowButton />
        </SubmissionTrail>
      }
      queryOptions={{ onError: () => redirect('list', 'submissions') }}
    >
      <SubmissionForm />
    </Edit>
  );
};
