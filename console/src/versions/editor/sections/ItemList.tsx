import { Badge, Button, List, ListItemButton, ListItemText, Stack } from '@mui/material';
import Add from '@mui/icons-material/Add';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';

/** A list of document items (facts, cohorts, test cases) with add / move / remove, editing one at a time. */
export function ItemList<T>({
  pointer,
  selected,
  onSelect,
  primary,
  secondary,
  make,
  findingsAt,
  minItems = 0,
  testId,
}: {
  pointer: string;
  selected: number | null;
  onSelect: (i: number | null) => void;
  primary: (item: T, index: number) => ReactNode;
  secondary?: (item: T, index: number) => ReactNode;
  make: (items: T[]) => T;
  findingsAt?: (pointer: string) => number;
  minItems?: number;
  testId?: string;
}) {
  const editor = useEditor();
  const translate = useTranslate();
  const items: T[] = editor.get(pointer) ?? [];
  const ro = editor.readOnly;
  return (
    <>
      <Stack direction="row" spacing={0.5} sx={{ mb: 1, flexWrap: 'wrap' }}>
        <Button
          size="small"
          startIcon={<Add />}
          disabled={ro}
          onClick={() => {
            editor.insert(pointer, items.length, make(items));
            onSelect(items.length);
          }}
        >
          {translate('ra.action.add')}
        </Button>
        <Button
          size="small"
          startIcon={<ArrowUpward />}
          disabled={ro || selected === null || selected === 0}
          onClick={() => selected !== null && (editor.move(`${pointer}/${selected}`, -1), onSelect(selected - 1))}
        >
          {translate('ra.action.move_up')}
        </Button>
        <Button
          size="small"
          startIcon={<ArrowDownward />}
          disabled={ro || selected === null || selected >= items.length - 1}
          onClick={() => selected !== null && (editor.move(`${pointer}/${selected}`, 1), onSelect(selected + 1))}
        >
          {translate('ra.action.move_down')}
        </Button>
        <Button
          size="small"
          color="error"
          startIcon={<DeleteOutline />}
          disabled={ro || selected === null || items.length <= minItems}
          onClick={() => {
            if (selected === null) return;
            editor.remove(`${pointer}/${selected}`);
            onSelect(items.length > 1 ? Math.max(0, selected - 1) : null);
          }}
        >
          {translate('ra.action.remove')}
        </Button>
      </Stack>
      <List dense disablePadding data-testid={testId}>
        {items.map((item, i) => {
          const n = findingsAt?.(`${pointer}/${i}`) ?? 0;
          return (
            <ListItemButton key={i} selected={selected === i} onClick={() => onSelect(i)}>
              <ListItemText
                primary={
                  <Badge color="error" badgeContent={n} invisible={!n} sx={{ '& .MuiBadge-badge': { right: -12 } }}>
                    {primary(item, i)}
                  </Badge>
                }
                secondary={secondary?.(item, i)}
              />
            </ListItemButton>
          );
        })}
      </List>
    </>
  );
}
