import { Edit, useNotify, useRedirect, useTranslate } from 'react-admin';
import { SubmissionForm } from './SubmissionForm';

/** The agency's self-assessment form, saved as a new revision with If-Match. */
export const SubmissionEdit = () => {
  const notify = useNotify();
  const translate = useTranslate();
  const redirect = useRedirect();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect={false}
      transform={(data: any) => ({ facts: data.facts ?? {} })}
      mutationOptions={{
        onSuccess: () => notify('chiso.submission.saved', { type: 'success' }),
        onError: (error: any) =>
          error?.status === 409
            ? notify('chiso.submission.conflict', { type: 'error', autoHideDuration: 10000 })
            : notify(error?.message ?? 'ra.notification.http_error', { type: 'error', multiLine: true }),
      }}
      title={translate('chiso.submission.formTitle')}
      queryOptions={{ onError: () => redirect('list', 'submissions') }}
    >
      <SubmissionForm />
    </Edit>
  );
};
