import { mediaUrl } from '../api';

type ImagePaneProps = {
  img: string;
  missing: boolean;
  blurred: boolean;
  greyscale: boolean;
  zoom: number;
  onReveal: () => void;
};

/**
 * The meme. Blurred until revealed when the wellbeing preference asks for it; zoom scales it
 * inside a scrollable frame.
 */
export function ImagePane({ img, missing, blurred, greyscale, zoom, onReveal }: ImagePaneProps) {
  if (missing)
    return (
      <div className="image-pane missing" data-testid="image-missing">
        <p>
          Image file not found:
          <br />
          <code>{img}</code>
        </p>
      </div>
    );
  const classes = ['meme', blurred ? 'blurred' : '', greyscale ? 'grey' : ''].filter(Boolean).join(' ');
  return (
    <div className="image-pane" data-testid="image-pane">
      <div className="image-scroll">
        <img
          className={classes}
          src={mediaUrl(img)}
          alt="meme under review"
          draggable={false}
          style={{ transform: `scale(${zoom})` }}
          data-testid="meme-image"
          onClick={blurred ? onReveal : undefined}
        />
      </div>
      {blurred && (
        <button type="button" className="reveal" onClick={onReveal} data-testid="reveal">
          Reveal image <kbd>Space</kbd>
        </button>
      )}
    </div>
  );
}
