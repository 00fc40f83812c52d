import { useState } from 'react';
import { Box, Button, Chip, Collapse, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { NodeResult } from '../../../server/engine';
import { useLt } from '../common/useLt';
import { useFormat } from '../common/useFormat';
import { TraceDetails } from './TraceDetails';

/** The tree of points: each node's points of its maximum, each criterion's explanation and, on demand, its trace. */
export const PointsTree = ({ nodes, depth = 0 }: { nodes: NodeResult[]; depth?: number }) => (
  <Box data-testid={depth === 0 ? 'points-tree' : undefined}>
    {nodes.map((n) => (
      <PointsNode key={n.code} node={n} depth={depth} />
    ))}
  </Box>
);

const PointsNode = ({ node, depth }: { node: NodeResult; depth: number }) => {
  const translate = useTranslate();
  const lt = useLt();
  const f = useFormat();
  const [details, setDetails] = useState(false);
  const leaf = node.kind === 'criterion';
  // The evaluator scored this criterion 0 for missing evidence (the node record's `zeroed`, when the view carries it).
  const zeroed = (node as NodeResult & { zeroed?: string }).zeroed;
  const ratio = node.max > 0 ? Math.max(0, Math.min(100, (100 * node.points) / node.max)) : 0;
  return (
    <Box sx={{ pl: depth * 2.5, py: 0.75, borderBottom: leaf ? 1 : 0, borderColor: 'divider' }} data-node-code={node.code}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant={leaf ? 'body2' : 'subtitle1'} sx={{ flex: 1, fontWeight: leaf ? 400 : 600 }}>
          <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
            {node.code}
          </Box>
          {lt(node.title)}
          {node.provisional && <Chip size="small" variant="outlined" label={translate('chiso.evaluation.provisional')} sx={{ ml: 1 }} />}
        </Typography>
        {node.status !== 'scored' ? (
          <Chip size="small" label={translate(`chiso.evaluation.status.${node.status}`)} />
        ) : (
          <Typography variant="body2" sx={{ minWidth: 110, textAlign: 'right', fontWeight: 600 }} data-points={node.points}>
            {f.number(node.points)} / {f.number(node.max)}
          </Typography>
        )}
        <Box sx={{ width: 120 }}>
          <LinearProgress
            variant="determinate"
            value={ratio}
            sx={{ height: 6, borderRadius: 3 }}
            color={node.points < 0 ? 'error' : 'primary'}
          />
        </Box>
      </Stack>
      {zeroed !== undefined && (
        <Typography variant="body2" color="error.main" sx={{ mt: 0.5 }} data-zeroed={node.code}>
          {translate('chiso.zero.inTree', { reason: zeroed })}
        </Typography>
      )}
      {leaf && node.explanation && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {lt(node.explanation)}
        </Typography>
      )}
      {leaf && node.trace && (
        <>
          <Button size="small" onClick={() => setDetails(!details)} sx={{ mt: 0.25 }}>
            {translate(details ? 'chiso.evaluation.hideDetails' : 'chiso.evaluation.showDetails')}
          </Button>
          <Collapse in={details} unmountOnExit>
            <TraceDetails trace={node.trace} />
          </Collapse>
        </>
      )}
      {node.children && <PointsTree nodes={node.children} depth={depth + 1} />}
    </Box>
  );
};
