import { Box, Button, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { ConditionNode } from './ConditionNode';
import { agencyLeaf, emptyLeaf, groupKey, type Cond } from './operators';

/**
 * Builds a json-rules-engine condition tree at `pointer`: leaves compare one fact (or an agency
 * attribute, fact `agency` with a path) with a value; groups combine them with all / any / not.
 * scope "agency" restricts leaves to agency attributes (cohort membership).
 */
export const ConditionBuilder = ({
  pointer,
  scope = 'facts',
  optional,
  label,
}: {
  pointer: string;
  scope?: 'facts' | 'agency';
  optional?: boolean;
  label?: string;
}) => {
  const editor = useEditor();
  const translate = useTranslate();
  const condition = editor.get<Cond | undefined>(pointer);
  const blank = scope === 'agency' ? agencyLeaf() : emptyLeaf();
  return (
    <Box sx={{ width: '100%' }} data-pointer={pointer}>
      {label && (
        <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
          {translate(label)}
        </Typography>
      )}
      {condition ? (
        <>
          <ConditionNode pointer={pointer} scope={scope} depth={0} onRemove={optional ? () => editor.set(pointer, undefined) : undefined} />
          {!groupKey(condition) && (
            // a single comparison becomes an "all of" group when a second one is added
            <Button size="small" disabled={editor.readOnly} onClick={() => editor.set(pointer, { all: [condition, blank] })}>
              {translate('chiso.condition.addLeaf')}
            </Button>
          )}
        </>
      ) : (
        <Button size="small" disabled={editor.readOnly} onClick={() => editor.set(pointer, { all: [blank] })}>
          {translate('chiso.condition.add')}
        </Button>
      )}
    </Box>
  );
};
