// Where the keyboard goes on after an action that takes away the control it was pressed on (a
// button that disappears or turns off when its work is done): not back to the top of the page.

/** Frames to wait for the control to appear (the answer of a request, then a render). */
const FRAMES = 180;

/**
 * Call when an action starts (before its request), with the focus still on the control that
 * started it; call what it returns once the action is done, with where the focus should go. The
 * focus moves there when that appears, and only if the action was started by keyboard (a mouse
 * click leaves the focus on the page, where the screen's keys work), the user has pressed no key
 * and no mouse button since, and no dialog has the focus. (A dialog that closed in between may
 * have given the focus back to a control of its own: that is not the user's choice, so it moves.)
 */
export function focusAfterward(): (find: () => HTMLElement | null | undefined) => void {
  const from = document.activeElement;
  const byKeyboard = from instanceof HTMLElement && from !== document.body;
  let touched = false;
  const touch = (): void => {
    touched = true;
  };
  const stop = (): void => {
    window.removeEventListener('keydown', touch, true);
    window.removeEventListener('mousedown', touch, true);
  };
  if (byKeyboard) {
    window.addEventListener('keydown', touch, true);
    window.addEventListener('mousedown', touch, true);
    // An action that fails never calls back: its listeners go after a while all the same.
    setTimeout(stop, 60_000);
  }
  return (find) => {
    if (!byKeyboard) return;
    let left = FRAMES;
    const attempt = (): void => {
      if (touched || document.activeElement?.closest('[role="dialog"]')) return stop();
      const el = find();
      if (el?.isConnected) {
        stop();
        el.focus();
      } else if (left-- > 0) requestAnimationFrame(attempt);
      else stop();
    };
    requestAnimationFrame(attempt);
  };
}

/** The element of the page with this data-testid (the app's names for its controls). */
export const byTestId = (id: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`);
