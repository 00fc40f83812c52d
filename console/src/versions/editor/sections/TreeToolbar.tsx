import { Button, Stack } from '@mui/material';
import Add from '@mui/icons-material/Add';
import SubdirectoryArrowRight from '@mui/icons-material/SubdirectoryArrowRight';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import type { Node } from '../../../../../server/engine';
import { useEditor } from '../EditorContext';
import { allCodes, newNode, parentPointer } from '../docOps';

/** Add a child or a sibling, move up/down, remove: acting on the selected node. */
export const TreeToolbar = () => {
  const editor = useEditor();
  const translate = useTranslate();
  const selected: Node | undefined = editor.node ? editor.get(editor.node) : undefined;
  const used = allCodes(editor.doc.criteria);
  const { parent: listPointer, key } = editor.node ? parentPointer(editor.node) : { parent: '/criteria', key: '-1' };
  const siblings: Node[] = editor.get(listPointer) ?? [];
  const index = Number(key);
  const parentNode: Node | null = listPointer === '/criteria' ? null : editor.get(parentPointer(listPointer).parent);

  const addChild = () => {
    if (!selected || !editor.node) return;
    const children = selected.children ?? [];
    const child = newNode(selected, children, used);
    const base = editor.node;
    if (selected.kind === 'criterion') {
      // a criterion with children becomes a component; its scoring moves to the new child
      const { scoring, ...rest } = selected;
      editor.set(base, { ...rest, kind: 'component', children: [{ ...child, scoring: scoring ?? child.scoring, max: selected.max }] });
    } else editor.set(`${base}/children`, [...children, child]);
    editor.selectNode(`${base}/children/${selected.kind === 'criterion' ? 0 : children.length}`);
  };
  const addSibling = () => {
    const node = newNode(parentNode, siblings, used);
    const at = editor.node ? index + 1 : siblings.length;
    editor.insert(listPointer, at, node);
    editor.selectNode(`${listPointer}/${at}`);
  };
  const move = (delta: number) => editor.node && editor.selectNode(editor.move(editor.node, delta));
  const remove = () => {
    if (!editor.node) return;
    if (listPointer !== '/criteria' && siblings.length === 1) {
      // the last child goes: the parent keeps no empty children array (the schema wants ≥ 1)
      editor.set(listPointer, undefined);
      editor.selectNode(parentPointer(listPointer).parent);
      return;
    }
    editor.remove(editor.node);
    editor.selectNode(siblings.length > 1 ? `${listPointer}/${Math.max(0, index - 1)}` : null);
  };

  const ro = editor.readOnly;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5, mb: 1 }} data-testid="tree-toolbar">
      <Button size="small" startIcon={<SubdirectoryArrowRight />} onClick={addChild} disabled={ro || !selected}>
        {translate('chiso.editor.addChild')}
      </Button>
      <Button size="small" startIcon={<Add />} onClick={addSibling} disabled={ro}>
        {translate('chiso.editor.addSibling')}
      </Button>
      <Button size="small" startIcon={<ArrowUpward />} onClick={() => move(-1)} disabled={ro || !selected || index === 0}>
        {translate('ra.action.move_up')}
      </Button>
      <Button size="small" startIcon={<ArrowDownward />} onClick={() => move(1)} disabled={ro || !selected || index >= siblings.length - 1}>
        {translate('ra.action.move_down')}
      </Button>
      <Button
        size="small"
        color="error"
        startIcon={<DeleteOutline />}
        onClick={remove}
        disabled={ro || !selected || (listPointer === '/criteria' && siblings.length < 2)}
      >
        {translate('ra.action.remove')}
      </Button>
    </Stack>
  );
};
