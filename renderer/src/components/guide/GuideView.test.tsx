// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GuideView } from './GuideView';

afterEach(cleanup);

const HOSTILE = `# Guide <script>window.owned = 1</script>

## Race

Text with <img src=x onerror="window.owned = 2"> and a [link](javascript:alert(1)) and *emphasis*.

### Examples

- An example <b>caption</b>.
`;

describe('GuideView', () => {
  it('renders a guide as text only: no element from the Markdown, no followable link', () => {
    const { container } = render(
      <GuideView guide={{ markdown: HOSTILE, short: 'abcdef012345', source: 'project' }} />,
    );
    expect(container.querySelector('script, img, a, b, iframe')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="window.owned = 2">');
    expect(container.textContent).toContain('link (javascript:alert(1))');
    expect(container.querySelector('em')?.textContent).toBe('emphasis');
    expect((window as unknown as { owned?: number }).owned).toBeUndefined();
  });

  it('keeps the examples hidden behind the content warning until the reader opens them', () => {
    render(<GuideView guide={{ markdown: HOSTILE, short: 'abcdef012345', source: 'project' }} />);
    expect(screen.getByTestId('guide-warning').textContent).toContain('Content warning');
    expect(screen.queryAllByTestId('example')).toHaveLength(0);
    expect(screen.getAllByTestId('example-hidden')).toHaveLength(1);
    expect(screen.queryByText(/An example/)).toBeNull();
    const toggle = screen.getByTestId('guide-show-examples');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByTestId('example')).toHaveLength(2);
    expect(screen.getByText(/An example <b>caption<\/b>\./)).toBeTruthy();
  });

  it('has no warning when a guide has no examples', () => {
    render(
      <GuideView
        guide={{ markdown: '## Race\n\nJust a definition.', short: 'abcdef012345', source: 'default' }}
      />,
    );
    expect(screen.queryByTestId('guide-warning')).toBeNull();
    expect(screen.getByText('Just a definition.')).toBeTruthy();
  });
});
