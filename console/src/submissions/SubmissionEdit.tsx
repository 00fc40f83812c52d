import { Edit, useNotify, useRedirect, useTranslate, type RaRecord } from 'react-admin';
import { SubmissionForm } from './SubmissionForm';
import { messageOf, statusOf } from '../api/problem';

/** The agency's self-assessment form, saved as a new revision with If-Match. */
export const SubmissionEdit = () => {
  const notify = useNotify();
  const translate = useTranslate();
  const redirect = useRedirect();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect={false}
      transform={(data: RaRecord) => ({ facts: data.facts ?? {} })}
      mutationOptions={{
        onSuccess: () => notify('chiso.submission.saved', { type: 'success' }),
        onError: (error: unknown) =>
          statusOf(error) === 412
            ? notify('chiso.submission.conflict', { type: 'error', autoHideDuration: 10000 })
            : notify(messageOf(error) ?? 'ra.notification.http_error', { type: 'error', multiLine: true }),
      }}
      title={translate('chiso.submission.formTitle')}
      queryOptions={{ onError: () => redirect('list', 'submissions') }}
    >
      <SubmissionForm />
    </Edit>
  );
};
