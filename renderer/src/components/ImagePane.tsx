import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useVeil } from './useVeil';
import { mediaUrl } from '../api';
import { HOTKEY_SCOPE } from '../hotkeys';

type ImagePaneProps = {
  img: string;
  missing: boolean;
  /** The file is there but the browser could not decode it. */
  broken: boolean;
  blurred: boolean;
  greyscale: boolean;
  zoom: number;
  onReveal: () => void;
  onBroken: () => void;
  /** Report a broken image to the lead and move on (shown on the broken pane). */
  onReportBroken?: () => void;
  /** The scrolling frame, for keyboard panning. */
  scrollRef?: RefObject<HTMLDivElement | null>;
};

/** Size of the image at zoom 1: its natural size, shrunk (never grown) to fit the frame. */
function fitted(img: HTMLImageElement, frame: HTMLElement): { w: number; h: number } | null {
  const nw = img.naturalWidth;
  const nh = img.naturalHeight;
  if (!nw || !nh || !frame.clientWidth || !frame.clientHeight) return null;
  const k = Math.min(1, frame.clientWidth / nw, frame.clientHeight / nh);
  return { w: Math.round(nw * k), h: Math.round(nh * k) };
}

/**
 * The meme. Blurred until revealed when the wellbeing preference asks for it. Zoom enlarges the
 * image inside a scrolling frame from its top-left corner, so every part (captions sit at the
 * edges) can be reached by scrolling or panning; the level is shown. An image that cannot be
 * decoded is shown as broken, never as an empty pane to label.
 */
export function ImagePane(p: ImagePaneProps) {
  const { img, missing, broken, blurred, greyscale, zoom, onReveal, onBroken, scrollRef } = p;
  const [base, setBase] = useState<{ w: number; h: number } | null>(null);
  const imgRef = useRef<HTMLImageElement>(null);
  const veilRef = useRef<HTMLCanvasElement>(null);
  // Measured from the element itself when it loads or the frame resizes (a cached image may
  // load before the first measurement could run).
  const measure = useCallback(() => {
    const el = imgRef.current;
    const frame = el?.parentElement;
    if (el && frame && el.complete) setBase(fitted(el, frame));
  }, []);
  useEffect(() => {
    const frame = imgRef.current?.parentElement;
    if (!frame) return;
    const ro = new ResizeObserver(measure);
    ro.observe(frame);
    return () => ro.disconnect();
  }, [img, measure]);

  useVeil(imgRef, veilRef, blurred && !missing && !broken, greyscale, [img]);

  if (missing || broken)
    return (
      <div
        className="image-pane missing"
        data-testid={missing ? 'image-missing' : 'image-broken'}
        role="alert"
      >
        <p>
          {missing
            ? 'Image file not found:'
            : 'This image cannot be shown (the file is damaged or not an image):'}
          <br />
          <code>{img}</code>
        </p>
        {p.onReportBroken && (
          <button type="button" className="primary" onClick={p.onReportBroken} data-testid="report-broken">
            <kbd>B</kbd> Report to the lead and skip
          </button>
        )}
      </div>
    );
  const classes = ['meme', blurred ? 'blurred' : '', greyscale ? 'grey' : ''].filter(Boolean).join(' ');
  const size =
    zoom !== 1 && base
      ? { width: base.w * zoom, height: base.h * zoom, maxWidth: 'none', maxHeight: 'none' }
      : undefined;
  return (
    <div className="image-pane" data-testid="image-pane">
      <div
        className="image-scroll"
        ref={scrollRef}
        tabIndex={0}
        role="region"
        aria-label={`Meme image at ${Math.round(zoom * 100)}%${zoom > 1 ? ': Shift and the arrow keys move the view' : ''}`}
        data-testid="image-scroll"
        {...HOTKEY_SCOPE}
      >
        <img
          key={img}
          ref={imgRef}
          className={classes}
          src={mediaUrl(img)}
          alt="meme under review"
          draggable={false}
          style={size}
          data-testid="meme-image"
          onLoad={measure}
          onError={onBroken}
          onClick={blurred ? onReveal : undefined}
        />
        {blurred && (
          <canvas
            ref={veilRef}
            className="meme-veil"
            aria-hidden="true"
            data-testid="meme-veil"
            onClick={onReveal}
          />
        )}
      </div>
      <span className="zoom-level" data-testid="zoom-level" aria-live="polite">
        {Math.round(zoom * 100)}%
      </span>
      {blurred && (
        <button type="button" className="reveal" onClick={onReveal} data-testid="reveal">
          Reveal image <kbd>Space</kbd>
        </button>
      )}
    </div>
  );
}
