import { Fragment, type ReactNode } from 'react';
import type { GuideBlock } from '../../../../shared/guidelines';
import { parseInline, type Block } from '../../../../shared/markdown';

/** One block's inline runs as React text nodes: nothing in a guidelines file becomes markup. */
function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((r, i) =>
        r.kind === 'em' ? (
          <em key={i}>{r.text}</em>
        ) : r.kind === 'strong' ? (
          <strong key={i}>{r.text}</strong>
        ) : r.kind === 'code' ? (
          <code key={i}>{r.text}</code>
        ) : r.kind === 'link' ? (
          // Shown, never followed from the guide: the address is text.
          <span key={i}>
            {r.text} <span className="muted">({r.href})</span>
          </span>
        ) : (
          <Fragment key={i}>{r.text}</Fragment>
        ),
      )}
    </>
  );
}

/** Headings start below the view's own heading (`top`): a guide's "#" is one level under it. */
function BlockView({ block, top }: { block: Block; top: number }) {
  if (block.kind === 'heading') {
    const level = Math.min(6, block.level + top);
    const content = <Inline text={block.text} />;
    return level === 2 ? (
      <h2>{content}</h2>
    ) : level === 3 ? (
      <h3>{content}</h3>
    ) : level === 4 ? (
      <h4>{content}</h4>
    ) : level === 5 ? (
      <h5>{content}</h5>
    ) : (
      <h6>{content}</h6>
    );
  }
  if (block.kind === 'paragraph')
    return (
      <p>
        <Inline text={block.text} />
      </p>
    );
  if (block.kind === 'code') return <pre>{block.text}</pre>;
  const items = block.items.map((item, i) => (
    <li key={i}>
      <Inline text={item} />
    </li>
  ));
  return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
}

type MarkdownProps = {
  blocks: readonly GuideBlock[];
  /** Examples are shown only when the reader chose to see them; otherwise one line says they are hidden. */
  showExamples: boolean;
  /** The heading level of the view the guide sits in (its "#" is one below). */
  top?: number;
};

/** The guide's blocks, with each run of example blocks hidden behind one placeholder line. */
export function Markdown({ blocks, showExamples, top = 2 }: MarkdownProps) {
  const out: ReactNode[] = [];
  blocks.forEach((b, i) => {
    if (b.example && !showExamples) {
      if (i === 0 || !blocks[i - 1].example)
        out.push(
          <p key={i} className="example-hidden" data-testid="example-hidden">
            Examples hidden (content warning above).
          </p>,
        );
      return;
    }
    out.push(
      <div
        key={i}
        className={b.example ? 'guide-example' : undefined}
        data-testid={b.example ? 'example' : undefined}
      >
        <BlockView block={b.block} top={top} />
      </div>,
    );
  });
  return <>{out}</>;
}
