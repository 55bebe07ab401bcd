// The lead's decisions on the review screen: made on the meme on display, and taken back (Z) on
// it or, once the list has moved on, on the newest made here.
import { useCallback, useRef } from 'react';
import type { ReviewItem } from '../../../../shared/api';
import { normalizeLabels } from '../../../../shared/labels';
import type { ItemId } from '../../../../shared/records';
import { api } from '../../api';
import type { Draft } from '../../model';

interface DecisionsInput {
  /** The meme on display and its votes. */
  data: ReviewItem | null | undefined;
  shownId: ItemId | undefined;
  refresh: () => void;
  /** Runs a call, its failure shown on the screen. */
  run: (p: Promise<unknown>) => void;
  setFocusId: (id: ItemId | null) => void;
  setNotice: (n: { id: ItemId; text: string }) => void;
}

export function useDecisions({ data, shownId, refresh, run, setFocusId, setNotice }: DecisionsInput) {
  // The memes decided on this screen, newest last: Z takes the newest back once the list has
  // moved on from it (as Z does for labels).
  const decided = useRef<ItemId[]>([]);
  const decide = useCallback(
    async (d: Draft, ownVote = false) => {
      if (!data || !d.hate) return;
      await api().adjudication.save({
        item: data.item.id,
        ...normalizeLabels(d.hate, d.pc, d.attack),
        note: d.note,
        ...(ownVote ? { ownVote: true } : {}),
      });
      decided.current.push(data.item.id);
      setFocusId(null);
      refresh();
    },
    [data, refresh, setFocusId],
  );
  /** Undoes the decision on the meme on display, or else the newest made here, and shows its meme. */
  const undo = useCallback((): void => {
    const id = data?.decision ? data.item.id : decided.current.at(-1);
    if (id === undefined) {
      if (shownId !== undefined)
        setNotice({
          id: shownId,
          text: 'Nothing to undo: this meme has no decision, and none was made here yet',
        });
      return;
    }
    const at = decided.current.lastIndexOf(id);
    if (at >= 0) decided.current.splice(at, 1);
    run(
      api()
        .adjudication.undo({ item: id })
        .then(() => {
          // It comes back to the list (or stays): on display, by id, saying what was taken back.
          setFocusId(id);
          setNotice({ id, text: `Decision on meme #${String(id)} taken back` });
          refresh();
        }),
    );
  }, [data, shownId, refresh, run, setFocusId, setNotice]);
  return { decide, undo };
}
