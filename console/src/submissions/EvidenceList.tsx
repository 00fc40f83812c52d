import { Chip, Stack, Typography } from '@mui/material';
import AttachFile from '@mui/icons-material/AttachFile';
import LinkIcon from '@mui/icons-material/Link';
import Notes from '@mui/icons-material/Notes';
import { useTranslate } from 'react-admin';
import { ExplanationReview, type EvidenceReview } from './ExplanationReview';

export interface EvidenceItem {
  id: string;
  key: string;
  kind: 'file' | 'link' | 'explanation';
  fileName: string | null;
  size: number | null;
  url: string | null;
  note: string;
  review?: EvidenceReview | null;
}

/** Evidence attached to one fact: files open from the server, links open in a new tab. */
export const EvidenceList = ({
  items,
  rule,
  canReview,
  onChanged,
}: {
  items: EvidenceItem[];
  rule?: string;
  canReview?: boolean;
  onChanged?: () => void;
}) => {
  const translate = useTranslate();
  if (!items.length) {
    return rule === 'required' ? (
      <Typography variant="caption" color="warning.main" data-testid="evidence-missing">
        {translate('chiso.submission.evidenceMissing')}
      </Typography>
    ) : null;
  }
  const explanations = items.filter((e) => e.kind === 'explanation');
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {items.map((e) => (
          <Chip
            key={e.id}
            size="small"
            variant="outlined"
            icon={e.kind === 'file' ? <AttachFile /> : e.kind === 'link' ? <LinkIcon /> : <Notes />}
            label={e.kind === 'explanation' ? e.note : `${e.kind === 'file' ? e.fileName : e.url}${e.note ? ` — ${e.note}` : ''}`}
            {...(e.kind === 'explanation'
              ? {}
              : {
                  component: 'a' as const,
                  href: e.kind === 'file' ? `/api/evidence/${e.id}` : (e.url ?? undefined),
                  target: '_blank',
                  rel: 'noopener noreferrer',
                  clickable: true,
                })}
            sx={{ maxWidth: 420 }}
            data-evidence={e.id}
          />
        ))}
      </Stack>
      {explanations.map((e) => (
        <ExplanationReview key={e.id} evidenceId={e.id} review={e.review} canReview={canReview} onChanged={onChanged} />
      ))}
    </Stack>
  );
};
