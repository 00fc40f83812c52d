import { useState } from 'react';
import { Badge, Box, IconButton, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import ExpandMore from '@mui/icons-material/ExpandMore';
import ChevronRight from '@mui/icons-material/ChevronRight';
import { useTranslate } from 'react-admin';
import type { Node } from '../../../../../server/engine';
import { useEditor } from '../EditorContext';
import { useLt } from '../../../common/useLt';
import { useFormat } from '../../../common/useFormat';

/** The criteria tree as an indented, collapsible list; a badge counts the findings under each node. */
export const CriteriaTree = ({ findingsAt }: { findingsAt: (pointer: string) => number }) => {
  const { doc } = useEditor();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const toggle = (p: string) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (next.has(p)) next.delete(p);
      else next.add(p);
      return next;
    });
  return (
    <List dense disablePadding data-testid="criteria-tree" sx={{ overflow: 'auto' }}>
      {(doc.criteria ?? []).map((node, i) => (
        <TreeRow key={i} node={node} pointer={`/criteria/${i}`} depth={0} collapsed={collapsed} toggle={toggle} findingsAt={findingsAt} />
      ))}
    </List>
  );
};

const TreeRow = ({
  node,
  pointer,
  depth,
  collapsed,
  toggle,
  findingsAt,
}: {
  node: Node;
  pointer: string;
  depth: number;
  collapsed: Set<string>;
  toggle: (p: string) => void;
  findingsAt: (pointer: string) => number;
}) => {
  const editor = useEditor();
  const translate = useTranslate();
  const lt = useLt();
  const f = useFormat();
  const open = !collapsed.has(pointer);
  const hasChildren = !!node.children?.length;
  const count = findingsAt(pointer);
  return (
    <>
      <ListItemButton
        selected={editor.node === pointer}
        onClick={() => editor.selectNode(pointer)}
        sx={{ pl: 0.5 + depth * 2, py: 0.25 }}
        data-node-code={node.code}
      >
        <Box sx={{ width: 28, flexShrink: 0 }}>
          {hasChildren && (
            <IconButton
              size="small"
              onClick={(e) => {
                e.stopPropagation();
                toggle(pointer);
              }}
              aria-label={translate(open ? 'chiso.editor.collapse' : 'ra.action.expand')}
            >
              {open ? <ExpandMore fontSize="small" /> : <ChevronRight fontSize="small" />}
            </IconButton>
          )}
        </Box>
        <ListItemText
          primary={
            <Badge color="error" badgeContent={count} invisible={!count} sx={{ '& .MuiBadge-badge': { right: -12 } }}>
              <Typography variant="body2" component="span" sx={{ fontWeight: node.kind === 'criterion' ? 400 : 600 }}>
                <Box component="span" sx={{ color: 'text.secondary', mr: 0.75 }}>
                  {node.code}
                </Box>
                {lt(node.title) || translate('chiso.editor.untitled')}
              </Typography>
            </Badge>
          }
          secondary={`${translate(`chiso.kind.${node.kind}`)}${node.max !== undefined ? ` · ${f.number(node.max)} ${translate('chiso.common.pointsShort')}` : ''}`}
        />
      </ListItemButton>
      {hasChildren &&
        open &&
        node.children!.map((child, i) => (
          <TreeRow
            key={i}
            node={child}
            pointer={`${pointer}/children/${i}`}
            depth={depth + 1}
            collapsed={collapsed}
            toggle={toggle}
            findingsAt={findingsAt}
          />
        ))}
    </>
  );
};
