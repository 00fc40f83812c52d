import { useState } from 'react';
import { Button } from '@mui/material';
import Archive from '@mui/icons-material/Archive';
import { Confirm, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { dataProvider } from '../../providers/dataProvider';
import { messageOf } from '../../api/problem';

/** A retired version stays readable (past years replay under it) but is no longer in force. */
export const RetireButton = ({ record, onDone }: { record: RaRecord; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const retire = async () => {
    try {
      await dataProvider.retireVersion(String(record.id));
      notify('chiso.version.retired', { type: 'success' });
      onDone();
    } catch (error) {
      notify(messageOf(error) ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setOpen(false);
    }
  };
  return (
    <>
      <Button color="warning" startIcon={<Archive />} onClick={() => setOpen(true)}>
        {translate('chiso.version.retire')}
      </Button>
      <Confirm
        isOpen={open}
        title={translate('chiso.version.retireTitle', { version: record.version })}
        content={translate('chiso.version.retireContent')}
        onConfirm={retire}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
