import { useLayoutEffect, type RefObject } from 'react';

/** Width of the veil's bitmap: the meme shrunk this small, then stretched over it, is unreadable. */
const VEIL_WIDTH = 32;

/**
 * The blurred meme, drawn cheaply. A CSS blur of the image costs every new meme a blur of its
 * whole on-screen area in the frame that shows it (a third of the keypress-to-painted time in
 * software rendering); instead the image is drawn once into a canvas a few dozen pixels wide,
 * softened there, and the canvas is stretched over the (hidden) image's box, which the browser
 * scales smoothly. Drawn before the frame is painted, so the frame that shows the meme shows it
 * veiled; redrawn when the image loads, and placed again when its box changes (zoom, resize).
 */
export function useVeil(
  imgRef: RefObject<HTMLImageElement | null>,
  veilRef: RefObject<HTMLCanvasElement | null>,
  active: boolean,
  greyscale: boolean,
  deps: readonly unknown[],
): void {
  useLayoutEffect(() => {
    const img = imgRef.current;
    const veil = veilRef.current;
    if (!active || !img || !veil) return;
    let drawn = false;
    const place = (): void => {
      if (!img.complete || img.naturalWidth === 0) return;
      veil.style.left = `${img.offsetLeft}px`;
      veil.style.top = `${img.offsetTop}px`;
      veil.style.width = `${img.offsetWidth}px`;
      veil.style.height = `${img.offsetHeight}px`;
      if (drawn) return;
      drawn = true;
      veil.width = VEIL_WIDTH;
      veil.height = Math.max(1, Math.round((VEIL_WIDTH * img.naturalHeight) / img.naturalWidth));
      const ctx = veil.getContext('2d');
      if (!ctx) return;
      ctx.filter = greyscale ? 'blur(1px) grayscale(1)' : 'blur(1px)';
      ctx.drawImage(img, 0, 0, veil.width, veil.height);
      // Shown once it covers the image: not as an empty canvas in a corner before the image loads.
      veil.style.visibility = 'visible';
    };
    place();
    img.addEventListener('load', place);
    // The image's box, and the frame it is centred in: a narrower window moves the image
    // without resizing it, and the veil must move with it.
    const ro = new ResizeObserver(place);
    ro.observe(img);
    if (img.parentElement) ro.observe(img.parentElement);
    return () => {
      img.removeEventListener('load', place);
      ro.disconnect();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what redraws it
  }, [active, greyscale, ...deps]);
}
