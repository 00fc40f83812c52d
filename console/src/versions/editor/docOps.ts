// Immutable edits of a rule-set document addressed by JSON Pointer. The editor keeps the whole
// version as one JSON value; every form edits one pointer, so the tree, the forms, the raw JSON
// tab and the lint findings all speak the same address.
import { joinPointer as join, type Node, pointerTokens as tokens, valueAt } from '../../../../server/engine';

export { join, tokens, valueAt };

/**
 * A copy of `root` with `value` at `pointer` (undefined removes an object key). The copy keeps the
 * root's type: an edit at a pointer may of course break the format, which the live schema check
 * (not the compiler) reports.
 */
export function setAt<T>(root: T, pointer: string, value: unknown): T {
  const path = tokens(pointer);
  if (path.length === 0) return value as T;
  const rec = (node: unknown, i: number): unknown => {
    const key = path[i];
    const container: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : { ...(node ?? {}) };
    const slots = container as Record<string, unknown>;
    if (i === path.length - 1) {
      if (value === undefined && !Array.isArray(container)) delete slots[key];
      else slots[key] = value;
      return container;
    }
    slots[key] = rec((node as Record<string, unknown> | null | undefined)?.[key], i + 1);
    return container;
  };
  return rec(root, 0) as T;
}

export const parentPointer = (pointer: string): { parent: string; key: string } => {
  const t = tokens(pointer);
  const key = t.pop() ?? '';
  return { parent: t.length ? join('', ...t) : '', key };
};

/** Removes an array element or an object key. */
export function removeAt<T>(root: T, pointer: string): T {
  const { parent, key } = parentPointer(pointer);
  const container = valueAt(root, parent);
  if (Array.isArray(container))
    return setAt(
      root,
      parent,
      container.filter((_, i) => i !== Number(key)),
    );
  // Nothing there: nothing to remove (and no empty parents made on the way).
  if (container === null || typeof container !== 'object' || !Object.prototype.hasOwnProperty.call(container, key)) return root;
  return setAt(root, pointer, undefined);
}

/** Inserts into the array at `arrayPointer` (created when missing). */
export function insertAt<T>(root: T, arrayPointer: string, index: number, value: unknown): T {
  const list = (valueAt(root, arrayPointer) as unknown[] | undefined) ?? [];
  const next = [...list];
  next.splice(Math.max(0, Math.min(index, next.length)), 0, value);
  return setAt(root, arrayPointer, next);
}

/** Moves an array element by `delta`; returns the new document and the element's new pointer. */
export function moveAt<T>(root: T, pointer: string, delta: number): { doc: T; pointer: string } {
  const { parent, key } = parentPointer(pointer);
  const list = valueAt(root, parent);
  const from = Number(key);
  const to = from + delta;
  if (!Array.isArray(list) || !Number.isInteger(from) || from < 0 || from >= list.length || to < 0 || to >= list.length)
    return { doc: root, pointer };
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return { doc: setAt(root, parent, next), pointer: join(parent, to) };
}

const childKind: Record<Node['kind'], Node['kind']> = {
  group: 'index',
  index: 'component',
  component: 'criterion',
  criterion: 'criterion',
};

/** A new node one level below `parent` (or a top-level index), with a code that is free. */
export function newNode(parent: Node | null, siblings: Node[], used: Set<string>): Node {
  const kind: Node['kind'] = parent ? childKind[parent.kind] : 'index';
  const prefix = parent ? `${parent.code}.` : '';
  let n = siblings.length + 1;
  while (used.has(`${prefix}${n}`)) n++;
  const code = `${prefix}${n}`;
  const node: Node = { code, kind, title: { vi: '', en: '' } };
  if (kind === 'criterion') {
    node.max = 1;
    node.scoring = { method: 'yesNo', when: { all: [{ fact: '', operator: 'equal', value: true }] } } as Node['scoring'];
  }
  return node;
}

/** Every code in the tree (codes must be unique). */
export function allCodes(nodes: Node[] | undefined, out = new Set<string>()): Set<string> {
  for (const n of nodes ?? []) {
    out.add(n.code);
    allCodes(n.children, out);
  }
  return out;
}

/**
 * The tree selection a finding points at: the deepest criteria node on the path, so that a
 * finding about "/criteria/0/children/2/scoring/tiers/1/to" opens criterion 0 → 2.
 */
export function nodePointerOf(pointer: string): string | null {
  const m = /^(\/criteria\/\d+(?:\/children\/\d+)*)/.exec(pointer);
  return m ? m[1] : null;
}

/** Which editor section shows a pointer. */
export function sectionOf(pointer: string): { section: string; index?: number } {
  const t = tokens(pointer);
  switch (t[0]) {
    case 'criteria':
      return { section: 'criteria' };
    case 'facts':
    case 'cohorts':
      return { section: t[0], index: t[1] !== undefined ? Number(t[1]) : undefined };
    case 'agencyAttributes':
      return { section: 'cohorts' };
    case 'bands':
      return { section: 'bands' };
    case 'tests':
      return { section: 'tests' };
    case undefined:
      return { section: 'raw' };
    default:
      return { section: 'general' };
  }
}
