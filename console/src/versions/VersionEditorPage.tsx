import { Alert, Box, LinearProgress } from '@mui/material';
import { Title, useCanAccess, useGetOne, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { EditorProvider } from './editor/EditorContext';
import { EditorShell } from './editor/EditorShell';
import { VersionTrail } from '../layout/trails';

/**
 * One page for every version: drafts open in the editor, published and retired versions in the
 * same views read-only (their tree, facts and bands are what people come to read).
 */
export const VersionEditorPage = () => {
  const { id } = useParams();
  const translate = useTranslate();
  const { data: record, isPending, error, refetch } = useGetOne('versions', { id: id! }, { enabled: !!id, refetchOnWindowFocus: false });
  const { canAccess: canEdit, isPending: checking } = useCanAccess({ resource: 'versions', action: 'edit', record });
  if (isPending || checking) return <LinearProgress />;
  if (error || !record) return <Alert severity="error">{(error as Error)?.message ?? translate('ra.page.not_found')}</Alert>;
  if (!record.document) return <Alert severity="error">{translate('chiso.editor.noDocument')}</Alert>;
  const readOnly = record.status !== 'draft' || !canEdit;
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={`${translate('resources.versions.name', { smart_count: 1 })} ${record.version}`} />
      <VersionTrail record={record} />
      {record.intact === false && (
        <Alert severity="error" sx={{ mb: 1 }} data-testid="version-altered">
          {translate('chiso.editor.altered')}
        </Alert>
      )}
      <EditorProvider key={`${record.id}-${record.status}`} initial={record.document} readOnly={readOnly}>
        <EditorShell record={record} onChanged={refetch} />
      </EditorProvider>
    </Box>
  );
};
