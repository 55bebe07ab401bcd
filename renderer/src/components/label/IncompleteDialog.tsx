import type { Draft } from '../../model';
import { ConfirmDialog } from '../Modal';

type IncompleteDialogProps = { draft: Draft; onCancel: () => void; onConfirm: () => void };

/** Hateful without a category or an attack type: save it like this? */
export function IncompleteDialog({ draft, onCancel, onConfirm }: IncompleteDialogProps) {
  return (
    <ConfirmDialog
      testId="confirm-incomplete"
      title="Hateful, but incomplete"
      message={
        <p>
          This meme is marked hateful without {draft.pc.length === 0 ? 'a protected category' : ''}
          {draft.pc.length === 0 && draft.attack.length === 0 ? ' and ' : ''}
          {draft.attack.length === 0 ? 'an attack type' : ''}. Save it like this?
        </p>
      }
      confirm="Save anyway"
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
