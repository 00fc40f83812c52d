import type { Finding } from '../../../../server/engine';
import { useEditor, type Section } from './EditorContext';
import { EditorTabs } from './EditorTabs';
import { GeneralSection } from './sections/GeneralSection';
import { CriteriaSection } from './sections/CriteriaSection';
import { FactsSection } from './sections/FactsSection';
import { CohortsSection } from './sections/CohortsSection';
import { BandsSection } from './sections/BandsSection';
import { RawJsonSection } from './sections/RawJsonSection';
import { LintPanel } from './sections/LintPanel';
import { TestsPanel } from './sections/TestsPanel';
import { ImpactPreview } from '../impact/ImpactPreview';
import { sectionOf } from './docOps';
import type { TestRunState } from './testCases';

export interface ChecksState {
  live: Finding[];
  liveAvailable: boolean;
  server: Finding[] | null;
  tests: TestRunState | null;
  running: boolean;
  runLint: () => void;
  runTests: () => void;
  showImpact: boolean;
}

/** The tabs and the section they show. */
export const EditorBody = ({ checks }: { checks: ChecksState }) => {
  const editor = useEditor();
  const all = [...checks.live, ...(checks.server ?? [])];
  const findingsAt = (pointer: string) => all.filter((f) => f.path === pointer || f.path.startsWith(`${pointer}/`)).length;
  const countFor = (section: Section) =>
    section === 'lint'
      ? all.filter((f) => f.severity === 'error').length
      : checks.live.filter((f) => sectionOf(f.path).section === section).length;
  return (
    <>
      <EditorTabs countFor={countFor} showImpact={checks.showImpact} />
      {editor.section === 'general' && <GeneralSection />}
      {editor.section === 'criteria' && <CriteriaSection findingsAt={findingsAt} />}
      {editor.section === 'facts' && <FactsSection findingsAt={findingsAt} />}
      {editor.section === 'cohorts' && <CohortsSection findingsAt={findingsAt} />}
      {editor.section === 'bands' && <BandsSection />}
      {editor.section === 'lint' && (
        <LintPanel
          live={checks.live}
          liveAvailable={checks.liveAvailable}
          server={checks.server}
          onRun={checks.runLint}
          running={checks.running}
        />
      )}
      {editor.section === 'tests' && <TestsPanel run={checks.tests} onRun={checks.runTests} running={checks.running} />}
      {editor.section === 'impact' && checks.showImpact && <ImpactPreview doc={editor.doc} />}
      {editor.section === 'raw' && <RawJsonSection />}
    </>
  );
};
