import { Alert, List, ListItemButton, ListItemIcon, ListItemText } from '@mui/material';
import ErrorOutline from '@mui/icons-material/ErrorOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';
import { useTranslate } from 'react-admin';
import type { Finding } from '../../../../../server/engine';
import { useLt } from '../../../common/useLt';
import { useEditor } from '../EditorContext';
import { describePointer } from '../describePointer';

/** Findings in words; a click opens the node, fact or cohort the finding is about. */
export const FindingList = ({ findings, emptyText }: { findings: Finding[]; emptyText?: string }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const lt = useLt();
  if (!findings.length)
    return (
      <Alert severity="success" data-testid="no-findings">
        {emptyText ?? translate('chiso.editor.noFindings')}
      </Alert>
    );
  return (
    <List dense data-testid="findings">
      {findings.map((f, i) => (
        <ListItemButton key={i} onClick={() => editor.jumpTo(f.path)} data-finding-path={f.path}>
          <ListItemIcon sx={{ minWidth: 32 }}>
            {f.severity === 'error' ? <ErrorOutline color="error" fontSize="small" /> : <WarningAmber color="warning" fontSize="small" />}
          </ListItemIcon>
          <ListItemText primary={lt(f.message)} secondary={describePointer(editor.doc, f.path, lt, translate)} />
        </ListItemButton>
      ))}
    </List>
  );
};
