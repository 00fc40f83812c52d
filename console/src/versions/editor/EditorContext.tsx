import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { insertAt, moveAt, nodePointerOf, removeAt, sectionOf, setAt, valueAt } from './docOps';
import type { RuleSetVersion } from '../../../../server/engine';

export type Section = 'general' | 'criteria' | 'facts' | 'cohorts' | 'bands' | 'raw' | 'lint' | 'tests' | 'impact';

export interface EditorState {
  doc: RuleSetVersion;
  dirty: boolean;
  readOnly: boolean;
  section: Section;
  /** JSON Pointer of the selected criteria node. */
  node: string | null;
  fact: number | null;
  cohort: number | null;
  /** Pointer a lint finding asked to show (highlighted in the forms). */
  focus: string | null;
}

export interface Editor extends EditorState {
  /**
   * The value at a pointer of the document, as the type the caller expects there (the format's
   * type for the field it edits, with undefined where the field may be missing): the live schema
   * check, not the compiler, says whether the document holds it.
   */
  get: <T = unknown>(pointer: string) => T;
  set: (pointer: string, value: unknown) => void;
  remove: (pointer: string) => void;
  insert: (arrayPointer: string, index: number, value: unknown) => void;
  move: (pointer: string, delta: number) => string;
  replace: (doc: RuleSetVersion, opts?: { dirty?: boolean }) => void;
  setSection: (section: Section) => void;
  selectNode: (pointer: string | null) => void;
  selectFact: (index: number | null) => void;
  selectCohort: (index: number | null) => void;
  jumpTo: (pointer: string) => void;
  markSaved: () => void;
}

const Ctx = createContext<Editor | null>(null);

export const useEditor = (): Editor => {
  const editor = useContext(Ctx);
  if (!editor) throw new Error('useEditor outside <EditorProvider>');
  return editor;
};

export function EditorProvider({ initial, readOnly, children }: { initial: RuleSetVersion; readOnly: boolean; children: ReactNode }) {
  const [state, setState] = useState<EditorState>({
    doc: initial,
    dirty: false,
    readOnly,
    section: 'criteria',
    node: initial.criteria?.length ? '/criteria/0' : null,
    fact: initial.facts?.length ? 0 : null,
    cohort: 0,
    focus: null,
  });

  const edit = useCallback(
    (fn: (doc: RuleSetVersion) => RuleSetVersion) => setState((s) => (s.readOnly ? s : { ...s, doc: fn(s.doc), dirty: true })),
    [],
  );

  const editor = useMemo<Editor>(
    () => ({
      ...state,
      get: <T,>(pointer: string) => valueAt(state.doc, pointer) as T,
      set: (pointer, value) => edit((doc) => setAt(doc, pointer, value)),
      remove: (pointer) => edit((doc) => removeAt(doc, pointer)),
      insert: (arrayPointer, index, value) => edit((doc) => insertAt(doc, arrayPointer, index, value)),
      move: (pointer, delta) => {
        if (state.readOnly) return pointer;
        const r = moveAt(state.doc, pointer, delta);
        setState((s) => ({ ...s, doc: r.doc, dirty: true, node: s.node === pointer ? r.pointer : s.node }));
        return r.pointer;
      },
      replace: (doc, opts) => setState((s) => ({ ...s, doc, dirty: opts?.dirty ?? true })),
      setSection: (section) => setState((s) => ({ ...s, section })),
      selectNode: (node) => setState((s) => ({ ...s, node, section: 'criteria' })),
      selectFact: (fact) => setState((s) => ({ ...s, fact })),
      selectCohort: (cohort) => setState((s) => ({ ...s, cohort })),
      markSaved: () => setState((s) => ({ ...s, dirty: false })),
      jumpTo: (pointer) =>
        setState((s) => {
          const { section, index } = sectionOf(pointer);
          const next: EditorState = { ...s, section: section as Section, focus: pointer };
          if (section === 'criteria') next.node = nodePointerOf(pointer) ?? s.node;
          if (section === 'facts' && index !== undefined) next.fact = index;
          if (section === 'cohorts' && index !== undefined) next.cohort = index;
          return next;
        }),
    }),
    [state, edit],
  );

  return <Ctx.Provider value={editor}>{children}</Ctx.Provider>;
}
