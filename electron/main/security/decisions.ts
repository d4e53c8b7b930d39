// What the app answers when a page asks for more (docs/architecture.md "Electron hardening"): no new windows,
// no permissions, no webviews. Pure, so the answers are unit-tested.

/** Electron's setWindowOpenHandler answer: never open a window, and never hand a URL to the OS (no network). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission requests (camera, notifications, clipboard-read, …): all denied. */
export function permissionRequestDecision(_permission: string): false {
  return false;
}

/** Permission checks: all denied too. */
export function permissionCheckDecision(_permission: string): false {
  return false;
}
