// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LineChart } from './Charts';

afterEach(cleanup);

const dots = (c: HTMLElement): Record<string, number> =>
  Object.fromEntries(
    [...c.querySelectorAll('circle')].map((el) => [
      el.getAttribute('data-day'),
      Number(el.getAttribute('cx')),
    ]),
  );

describe('LineChart', () => {
  it('places days by date: a gap of eight days is eight times as wide as one day', () => {
    const { container } = render(
      <LineChart
        title="Labels"
        points={[
          { x: '2026-11-01', y: 10 },
          { x: '2026-11-02', y: 20 },
          { x: '2026-11-10', y: 25 },
        ]}
      />,
    );
    const x = dots(container);
    expect(x['2026-11-01']).toBe(0);
    expect(x['2026-11-10']).toBe(420);
    expect(x['2026-11-02']).toBeCloseTo(420 / 9, 5);
    // Flat over the days without labels, then up on the day that has some.
    const line = container.querySelector('.chart-line')?.getAttribute('d') ?? '';
    expect(line.split('L')).toHaveLength(4);
  });

  it('crosses a month end and a daylight-saving change by whole days', () => {
    const { container } = render(
      <LineChart
        title="Labels"
        points={[
          { x: '2026-03-28', y: 1 },
          { x: '2026-03-30', y: 2 },
          { x: '2026-04-01', y: 3 },
        ]}
      />,
    );
    const x = dots(container);
    expect(x['2026-03-30']).toBeCloseTo(210, 5);
  });
});
