import { Badge, Tab, Tabs } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEditor, type Section } from './EditorContext';

const TABS: Section[] = ['general', 'criteria', 'facts', 'cohorts', 'bands', 'lint', 'tests', 'impact', 'raw'];

/** Sections of the editor; a red badge counts the live findings in each. */
export const EditorTabs = ({ countFor, showImpact }: { countFor: (section: Section) => number; showImpact: boolean }) => {
  const editor = useEditor();
  const translate = useTranslate();
  return (
    <Tabs
      value={editor.section}
      onChange={(_, v) => editor.setSection(v)}
      variant="scrollable"
      scrollButtons="auto"
      sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
    >
      {TABS.filter((t) => showImpact || t !== 'impact').map((t) => {
        const n = countFor(t);
        return (
          <Tab
            key={t}
            value={t}
            data-tab={t}
            label={
              <Badge color="error" badgeContent={n} invisible={!n} sx={{ '& .MuiBadge-badge': { right: -10, top: -2 } }}>
                {translate(`chiso.editor.tab.${t}`)}
              </Badge>
            }
          />
        );
      })}
    </Tabs>
  );
};
