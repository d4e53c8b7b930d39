// Read the store in a component: it re-renders only when what `selector` returns changes (by `isEqual`),
// as React's useSyncExternalStore with a selector (the use-sync-external-store/with-selector idea).
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { appStore, type AppState } from './appStore';

/** The selection a component last rendered with: a new selection equal to it is not a change. */
export class Rendered<T> {
  private has = false;
  private value: T | undefined;

  /** `next`, or the rendered value when they are equal (so React sees no change). */
  keep(next: T, isEqual: (a: T, b: T) => boolean): T {
    return this.has && isEqual(this.value as T, next) ? (this.value as T) : next;
  }

  remember(value: T): void {
    this.has = true;
    this.value = value;
  }
}

/** getSnapshot for useSyncExternalStore: the selection, recomputed only when the store's state changed. */
export function selectionOf<T>(selector: (state: AppState) => T, isEqual: (a: T, b: T) => boolean, rendered: Rendered<T>): () => T {
  let memo: { state: AppState; value: T } | null = null;
  return () => {
    const state = appStore.getState();
    if (memo === null || memo.state !== state) memo = { state, value: rendered.keep(selector(state), isEqual) };
    return memo.value;
  };
}

export function useApp<T>(selector: (state: AppState) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const [rendered] = useState(() => new Rendered<T>());
  const getSelection = useMemo(() => selectionOf(selector, isEqual, rendered), [selector, isEqual, rendered]);
  const value = useSyncExternalStore(appStore.subscribe, getSelection, getSelection);
  useEffect(() => rendered.remember(value), [rendered, value]);
  return value;
}

/** Equal when both objects have the same keys with Object.is-equal values. */
export function sameFields<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}
