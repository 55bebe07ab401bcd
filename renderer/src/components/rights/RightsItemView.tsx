import type { RightsItem } from '../../../../shared/api';
import type { Provenance } from '../../../../shared/records';
import { mediaUrl } from '../../api';
import { ForgetPanel } from '../ForgetPanel';
import { ProvenanceEditor } from '../ProvenanceEditor';

type RightsItemViewProps = {
  item: RightsItem;
  disabled: boolean;
  onSetProvenance: (set: Provenance) => void;
  onForget: (reason: string, requestedBy: string) => Promise<unknown>;
  /** What the last provenance save of this meme did (it takes the focus: Save turns off). */
  saved?: string | null;
};

const when = (at: string): string => at.replace('T', ' ').slice(0, 19);

/** One meme's provenance, its history, and forgetting it. */
export function RightsItemView({ item, disabled, onSetProvenance, onForget, saved }: RightsItemViewProps) {
  return (
    <div className="rights-item">
      <p>
        <strong>#{String(item.item.id)}</strong> <code>{item.item.img}</code> — {item.item.text}
      </p>
      {/* A new answer for the meme (an import, Show again, a save) starts the form afresh. */}
      <ProvenanceEditor
        key={`${String(item.item.id)}:${item.history.length}:${JSON.stringify(item.provenance)}`}
        value={item.provenance}
        disabled={disabled}
        onSave={onSetProvenance}
      />
      {saved && (
        <p className="banner ok" role="status" tabIndex={-1} data-testid="prov-saved">
          {saved}
        </p>
      )}
      {item.history.length > 0 && (
        <details>
          <summary>History ({item.history.length})</summary>
          <ul>
            {item.history.map((h, i) => (
              <li key={i}>
                {when(h.at)} by {h.by} via {h.via}: {JSON.stringify(h.set)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ForgetPanel
        disabled={disabled}
        what={`meme #${String(item.item.id)}`}
        confirmText={String(item.item.id)}
        preview={
          <figure className="thumb" data-testid="forget-preview">
            {item.item.missing ? (
              <span className="muted">(no image file)</span>
            ) : (
              <img
                className="blurred"
                src={mediaUrl(item.item.img)}
                alt={`meme #${String(item.item.id)}, blurred`}
              />
            )}
            <figcaption>
              <strong>#{String(item.item.id)}</strong> <code>{item.item.img}</code>
              <br />
              {item.item.text || <em>(no text)</em>}
            </figcaption>
          </figure>
        }
        onForget={onForget}
      />
    </div>
  );
}
