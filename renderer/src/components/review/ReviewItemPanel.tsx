import type { ReviewItem } from '../../../../shared/api';
import { HATEFUL, NOT_HATEFUL, labelTitle, type Hate, type Task } from '../../../../shared/taxonomy';
import { plural } from '../../../../shared/text';
import type { Draft } from '../../model';
import { ImagePane } from '../ImagePane';
import { LabelPanel } from '../LabelPanel';

type ReviewItemPanelProps = {
  data: ReviewItem;
  draft: Draft;
  showNames: boolean;
  revealed: boolean;
  blur: boolean;
  greyscale: boolean;
  onReveal: () => void;
  onHate: (h: Hate) => void;
  onToggle: (task: Task, label: string) => void;
  onAccept: () => void;
  onSave: () => void;
  onUndo: () => void;
  /** Close the meme early (decide with fewer votes than the target), or reopen it. */
  onClose: (close: boolean) => void;
  broken: boolean;
  onBroken: () => void;
  /** Make the decision on screen this meme's known answer (a hidden test for annotators), or undo that. */
  onKnown: (known: boolean) => void;
};

const list = (xs: readonly string[]): string => (xs.length ? xs.map(labelTitle).join(', ') : '—');

/** One disputed meme: every annotator's answer side by side, the policy's gold and why. */
export function ReviewItemPanel(p: ReviewItemPanelProps) {
  const { data, draft, showNames } = p;
  const alias = (i: number, id: string): string =>
    showNames ? id : `Annotator ${String.fromCharCode(65 + i)}`;
  const g = data.policyGold;
  const votes = data.votes.filter((v) => v.hate).length;
  return (
    <div className="review-item" data-testid="review-item">
      <div className="review-top">
        <ImagePane
          img={data.item.img}
          missing={data.item.missing}
          broken={p.broken}
          onBroken={p.onBroken}
          blurred={p.blur && !p.revealed}
          greyscale={p.greyscale}
          zoom={1}
          onReveal={p.onReveal}
        />
        <div>
          <div className="item-meta">
            <span data-testid="review-item-id">#{String(data.item.id)}</span>
            {data.item.set_name && <span className="split">{data.item.set_name}</span>}
            <span className="badge" data-testid="review-readiness">
              {data.readiness === null
                ? `waiting: ${plural(votes, 'vote')}`
                : data.readiness === 'closed'
                  ? 'closed early'
                  : data.readiness === 'reference'
                    ? 'imported as released'
                    : data.readiness === 'decided'
                      ? 'decided'
                      : data.readiness === 'known'
                        ? 'known answer'
                        : 'complete'}
            </span>
          </div>
          {data.ownVote && (
            <p className="banner warn" role="note" data-testid="own-vote">
              You labeled this meme yourself as an annotator. A decision on it is marked as
              yours-on-your-own-vote in adjudications.jsonl; another lead could decide it instead.
            </p>
          )}
          {data.closed && (
            <p className="muted" data-testid="closed-note">
              Closed early by {data.closed.lead}
              {data.closed.note ? `: “${data.closed.note}”` : ''}
            </p>
          )}
          <blockquote className="meme-text">{data.item.text || <em>(no text)</em>}</blockquote>
          <table className="votes" data-testid="votes">
            <thead>
              <tr>
                <th>
                  <span className="sr-only">annotator</span>
                </th>
                {data.votes.map((v, i) => (
                  <th key={v.annotator}>{alias(i, v.annotator)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>Hateful?</th>
                {data.votes.map((v) => (
                  <td key={v.annotator} className={v.hate === HATEFUL ? 'hate' : ''}>
                    {v.hate ? labelTitle(v.hate) : v.flag ? 'flag only' : '—'}
                  </td>
                ))}
              </tr>
              <tr>
                <th>Categories</th>
                {data.votes.map((v) => (
                  <td key={v.annotator}>{list(v.pc)}</td>
                ))}
              </tr>
              <tr>
                <th>Attacks</th>
                {data.votes.map((v) => (
                  <td key={v.annotator}>{list(v.attack)}</td>
                ))}
              </tr>
              <tr>
                <th>Note</th>
                {data.votes.map((v) => (
                  <td key={v.annotator} className="note-cell">
                    {v.flag && <span className="badge">flagged</span>} {v.note}
                  </td>
                ))}
              </tr>
              <tr>
                <th>Time</th>
                {data.votes.map((v) => (
                  <td key={v.annotator}>{v.ms ? `${(v.ms / 1000).toFixed(1)} s` : '—'}</td>
                ))}
              </tr>
              <tr data-testid="vote-guidelines">
                <th>Guidelines</th>
                {data.votes.map((v) => (
                  <td key={v.annotator} data-gv={v.gv ?? ''}>
                    {v.gv ? <code>{v.gv.slice(0, 12)}</code> : <span className="muted">not recorded</span>}
                    {v.gv && !v.gvCurrent && (
                      <span className="badge older" data-testid="older-guidelines">
                        older guidelines
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          <div className="gold-box" data-testid="policy-gold">
            <h2>Policy gold</h2>
            <p>
              <strong>{g.hate ? labelTitle(g.hate) : 'unresolved'}</strong> — {data.explanation.hate}
            </p>
            {g.hate !== NOT_HATEFUL && (
              <>
                <p>
                  Categories: <strong>{g.pc.labels.length ? list(g.pc.labels) : 'unresolved'}</strong>
                  <span className="why"> ({data.explanation.pc.join('; ')})</span>
                </p>
                <p>
                  Attacks: <strong>{g.attack.labels.length ? list(g.attack.labels) : 'unresolved'}</strong>
                  <span className="why"> ({data.explanation.attack.join('; ')})</span>
                </p>
              </>
            )}
            {data.decision && (
              <p className="decided" data-testid="decision">
                Decided by {data.decision.lead}: <strong>{labelTitle(data.decision.hate)}</strong>
                {data.decision.hate === HATEFUL &&
                  ` · ${list(data.decision.pc)} · ${list(data.decision.attack)}`}
                {data.decision.note && ` — “${data.decision.note}”`}
              </p>
            )}
          </div>
        </div>
      </div>
      <div className="decision" aria-label={`Decision for meme #${String(data.item.id)}`}>
        <h2>
          Your decision for meme <span data-testid="decision-item">#{String(data.item.id)}</span>
        </h2>
        <LabelPanel draft={draft} onHate={p.onHate} onToggle={p.onToggle} />
        <div className="actions">
          <button
            type="button"
            onClick={p.onAccept}
            disabled={!g.resolved && g.hate === null}
            data-testid="accept-gold"
          >
            <kbd>A</kbd> Accept policy gold for #{String(data.item.id)}
          </button>
          {data.readiness === null && (
            <button type="button" onClick={() => p.onClose(true)} data-testid="close-early">
              Close early (decide with {plural(votes, 'vote')})
            </button>
          )}
          {data.readiness === 'known' ? (
            // Keyed apart: the focus left on "Make … a known answer" never lands on its undo.
            <button
              key="known-unset"
              type="button"
              onClick={() => p.onKnown(false)}
              data-testid="known-unset"
            >
              No longer a known answer
            </button>
          ) : (
            <button
              key="known-set"
              type="button"
              onClick={() => p.onKnown(true)}
              disabled={!draft.hate}
              data-testid="known-set"
            >
              Make #{String(data.item.id)} a known answer…
            </button>
          )}
          {data.closed && (
            <button type="button" onClick={() => p.onClose(false)} data-testid="reopen">
              Reopen for more votes
            </button>
          )}
          <button type="button" onClick={p.onUndo} disabled={!data.decision} data-testid="undo-decision">
            <kbd>Z</kbd> Undo decision
          </button>
          <button
            type="button"
            className="primary"
            onClick={p.onSave}
            disabled={!draft.hate}
            data-testid="save-decision"
          >
            <kbd>Enter</kbd> Decide #{String(data.item.id)} &amp; next
          </button>
        </div>
      </div>
    </div>
  );
}
