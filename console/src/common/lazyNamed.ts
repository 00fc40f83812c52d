import { lazy, type ComponentType } from 'react';

/**
 * A screen loaded on first use (its own JavaScript chunk), from a module that exports it by name:
 * `lazyNamed(() => import('./VersionEditorPage'), 'VersionEditorPage')`. React-admin's layout
 * shows its loading indicator (a Suspense boundary) while the chunk arrives.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props, as React.lazy itself
export const lazyNamed = <M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
