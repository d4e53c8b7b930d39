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
