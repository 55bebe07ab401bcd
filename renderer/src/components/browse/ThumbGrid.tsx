import type { KeyboardEvent } from 'react';
import type { ItemView } from '../../../../shared/api';
import type { ItemId } from '../../../../shared/records';
import { mediaUrl } from '../../api';

type ThumbGridProps = {
  items: readonly ItemView[];
  blur: boolean;
  greyscale: boolean;
  onOpen: (id: ItemId) => void;
};

/** Moves the focus through the grid with the arrow keys (Tab works too). */
function onGridKey(e: KeyboardEvent<HTMLUListElement>): void {
  const cells = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const at = cells.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const width = e.currentTarget.clientWidth;
  const cols = Math.max(1, Math.round(width / (cells[0]?.parentElement?.clientWidth || width)));
  const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols }[e.key];
  if (step === undefined) return;
  e.preventDefault();
  cells[Math.max(0, Math.min(cells.length - 1, at + step))]?.focus();
}

/** Memes as thumbnails; each is a button that opens the meme. */
export function ThumbGrid({ items, blur, greyscale, onOpen }: ThumbGridProps) {
  const cls = ['thumb-img', blur ? 'blurred' : '', greyscale ? 'grey' : ''].filter(Boolean).join(' ');
  return (
    <ul className="thumb-grid" onKeyDown={onGridKey} data-testid="thumb-grid">
      {items.map((it) => (
        <li key={String(it.id)}>
          <button
            type="button"
            onClick={() => onOpen(it.id)}
            aria-label={`Open meme #${String(it.id)} in Review: ${it.text || 'no text'}`}
            data-testid={`thumb-${String(it.id)}`}
          >
            <span className="thumb-frame">
              {it.missing ? (
                <span className="thumb-missing">no image</span>
              ) : (
                <img className={cls} src={mediaUrl(it.img)} alt="" loading="lazy" />
              )}
            </span>
            <span className="thumb-caption">
              #{String(it.id)} {it.text}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
