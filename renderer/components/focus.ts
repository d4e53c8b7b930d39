// Where keyboard focus goes when what held it goes away (a dialog closed, a step changed): never to
// <body>, where a keyboard or screen-reader user would have to start again from the top.

/** Focus the current step's heading (every step has one h1, focusable by script only). */
export function focusStepHeading(): void {
  const heading = document.querySelector<HTMLElement>('.app-main h1');
  if (heading === null) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}

/** Whether focus was lost: on <body>, or on an element no longer in the page. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/**
 * An action may remove the control that had focus (a repair, a "Did you mean" whose finding goes): for a
 * few frames (lists can render later), once focus is lost, focus the `index`th element matching `selector`
 * in `container` (or the last one), else the container's heading, else the step's.
 */
export function keepFocusNear(container: HTMLElement | null, selector: string, index: number, frames = 12): void {
  if (frames <= 0) return;
  requestAnimationFrame(() => {
    if (!focusLost()) return keepFocusNear(container, selector, index, frames - 1);
    const candidates = container?.isConnected ? [...container.querySelectorAll<HTMLElement>(selector)].filter((e) => !(e as HTMLButtonElement).disabled) : [];
    const next = candidates[Math.min(index, candidates.length - 1)];
    if (next !== undefined) return next.focus();
    const heading = container?.isConnected ? container.querySelector<HTMLElement>('h2') : null;
    if (heading === null) return focusStepHeading();
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  });
}
