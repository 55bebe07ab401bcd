// Where the keyboard goes on after an action that takes away the control it was pressed on (a
// button that disappears or turns off when its work is done): not back to the top of the page.

/** Frames to wait for the control to appear (the answer of a request, then a render). */
const FRAMES = 180;

/**
 * Call when an action starts (before its request), with the focus still on the control that
 * started it; call what it returns once the action is done, with where the focus should go. The
 * focus moves there when that appears, and only if the action was started by keyboard (a mouse
 * click leaves the focus on the page, where the screen's keys work) and nothing else has taken
 * the focus since (the user, a dialog).
 */
export function focusAfterward(): (find: () => HTMLElement | null | undefined) => void {
  const from = document.activeElement;
  const byKeyboard = from instanceof HTMLElement && from !== document.body;
  return (find) => {
    if (!byKeyboard) return;
    let left = FRAMES;
    const attempt = (): void => {
      const now = document.activeElement;
      if (now && now !== document.body && now !== from && now.isConnected) return;
      const el = find();
      if (el?.isConnected) el.focus();
      else if (left-- > 0) requestAnimationFrame(attempt);
    };
    requestAnimationFrame(attempt);
  };
}

/** The element of the page with this data-testid (the app's names for its controls). */
export const byTestId = (id: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`);
