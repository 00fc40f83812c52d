import { CriteriaTree } from './CriteriaTree';
import { TreeToolbar } from './TreeToolbar';
import { NodeForm } from './NodeForm';
import { SplitPane } from './SplitPane';

/** Tree on the left, the selected node's own form on the right. */
export const CriteriaSection = ({ findingsAt }: { findingsAt: (pointer: string) => number }) => (
  <SplitPane
    leftWidth={420}
    left={
      <>
        <TreeToolbar />
        <CriteriaTree findingsAt={findingsAt} />
      </>
    }
    right={<NodeForm />}
  />
);
