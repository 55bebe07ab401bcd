// The demo's pictures (make-demo.ts): \`draw\` runs in headless Chromium's page through
// page.evaluate, so it uses nothing of this module but its argument.
// `draw` runs in the page. The scripts are type-checked with Node's types only (no DOM library,
// which would leak browser globals into the whole Node project), so these are the few page
// types it uses.
interface Gradient {
  addColorStop(offset: number, colour: string): void;
}
interface Canvas2D {
  fillStyle: string | Gradient;
  strokeStyle: string;
  lineWidth: number;
  lineCap: 'butt' | 'round' | 'square';
  lineJoin: 'bevel' | 'round' | 'miter';
  font: string;
  textAlign: 'left' | 'right' | 'center' | 'start' | 'end';
  textBaseline: 'top' | 'hanging' | 'middle' | 'alphabetic' | 'ideographic' | 'bottom';
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  ellipse(x: number, y: number, rx: number, ry: number, rot: number, start: number, end: number): void;
  roundRect(x: number, y: number, w: number, h: number, r: number): void;
  fill(): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  createLinearGradient(x0: number, y0: number, x1: number, y1: number): Gradient;
  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number): Gradient;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  scale(x: number, y: number): void;
}
declare const document: {
  createElement(tag: 'canvas'): {
    width: number;
    height: number;
    getContext(kind: '2d'): Canvas2D;
    toDataURL(type: string, quality: number): string;
  };
  fonts: { load(font: string): Promise<unknown> };
};

export type Motif =
  'cup' | 'duck' | 'clock' | 'cat' | 'laptop' | 'pizza' | 'cloud' | 'sun' | 'books' | 'plant' | 'dog';

export interface DrawArgs {
  top: string;
  bottom: string;
  motif: Motif;
  colours: [string, string];
  seed: number;
  type: string;
}

/** Runs in the page: draws one meme and returns it as a data URL. */
export function draw({ top, bottom, motif, colours, seed, type }: DrawArgs): string {
  const W = 400;
  const H = 300;
  const c = document.createElement('canvas');
  c.width = W;
  c.height = H;
  const g = c.getContext('2d');
  let s = seed % 2147483647 || 1;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  const [light, dark] = colours;
  // PNGs keep to flat colours (few colours compress well); JPEG and WebP get gradients.
  const flat = type === 'image/png';

  type Pt = [number, number];
  const circle = (x: number, y: number, r: number, fill: string) => {
    g.fillStyle = fill;
    g.beginPath();
    g.arc(x, y, r, 0, Math.PI * 2);
    g.fill();
  };
  const ellipse = (x: number, y: number, rx: number, ry: number, rot: number, fill: string) => {
    g.fillStyle = fill;
    g.beginPath();
    g.ellipse(x, y, rx, ry, rot, 0, Math.PI * 2);
    g.fill();
  };
  const poly = (pts: Pt[], fill: string) => {
    g.fillStyle = fill;
    g.beginPath();
    g.moveTo(pts[0][0], pts[0][1]);
    for (const [x, y] of pts.slice(1)) g.lineTo(x, y);
    g.closePath();
    g.fill();
  };
  const rrect = (x: number, y: number, w: number, h: number, r: number, fill: string) => {
    g.fillStyle = fill;
    g.beginPath();
    g.roundRect(x, y, w, h, r);
    g.fill();
  };
  const line = (pts: Pt[], stroke: string, width: number) => {
    g.strokeStyle = stroke;
    g.lineWidth = width;
    g.lineCap = 'round';
    g.beginPath();
    g.moveTo(pts[0][0], pts[0][1]);
    for (const [x, y] of pts.slice(1)) g.lineTo(x, y);
    g.stroke();
  };
  const smile = (x: number, y: number, r: number, width = 3) => {
    g.strokeStyle = '#212529';
    g.lineWidth = width;
    g.lineCap = 'round';
    g.beginPath();
    g.arc(x, y, r, 0.15 * Math.PI, 0.85 * Math.PI);
    g.stroke();
  };

  // Background: one of five styles, picked by the seed.
  const style = seed % 5;
  if (flat) {
    g.fillStyle = dark;
    g.fillRect(0, 0, W, H);
  } else if (style === 1) {
    const rg = g.createRadialGradient(W / 2, H / 2, 20, W / 2, H / 2, 260);
    rg.addColorStop(0, light);
    rg.addColorStop(1, dark);
    g.fillStyle = rg;
    g.fillRect(0, 0, W, H);
  } else {
    const lg = g.createLinearGradient(0, 0, rnd() * W, H);
    lg.addColorStop(0, light);
    lg.addColorStop(1, dark);
    g.fillStyle = lg;
    g.fillRect(0, 0, W, H);
  }
  const soft = (a: number) => (flat ? light : `rgba(255,255,255,${a})`);
  if (style === 0 || style === 1) {
    for (let i = 0; i < 7; i++) circle(rnd() * W, rnd() * H, 12 + rnd() * 48, soft(0.12 + rnd() * 0.2));
  } else if (style === 2) {
    // Sunburst rays from the middle.
    const n = 16;
    for (let i = 0; i < n; i += 2) {
      const a0 = (i / n) * Math.PI * 2;
      const a1 = ((i + 1) / n) * Math.PI * 2;
      poly(
        [
          [W / 2, H / 2],
          [W / 2 + Math.cos(a0) * 400, H / 2 + Math.sin(a0) * 400],
          [W / 2 + Math.cos(a1) * 400, H / 2 + Math.sin(a1) * 400],
        ],
        soft(0.22),
      );
    }
  } else if (style === 3) {
    for (let x = -H; x < W; x += 44) {
      poly(
        [
          [x, H],
          [x + 22, H],
          [x + 22 + H, 0],
          [x + H, 0],
        ],
        soft(0.18),
      );
    }
  } else {
    for (let y = 10; y < H; y += 36)
      for (let x = (y / 36) % 2 ? 28 : 10; x < W; x += 36) circle(x, y, 7, soft(0.25));
  }

  // The picture, drawn around (0, 0) and placed between the captions.
  const cx = 200 + Math.round((rnd() - 0.5) * 90);
  const cy = 158;
  const k = 0.85 + rnd() * 0.25;
  g.save();
  g.translate(cx, cy);
  g.scale(k, k);
  ellipse(0, 78, 80, 10, 0, flat ? '#00000033' : 'rgba(0,0,0,0.18)');
  const fur = ['#f4a261', '#adb5bd', '#e9ecef', '#6c584c'][seed % 4];
  switch (motif) {
    case 'cat': {
      ellipse(0, 50, 55, 32, 0, fur);
      line(
        [
          [50, 60],
          [85, 40],
          [80, 5],
        ],
        fur,
        12,
      );
      poly(
        [
          [-52, -28],
          [-42, -82],
          [-12, -50],
        ],
        fur,
      );
      poly(
        [
          [52, -28],
          [42, -82],
          [12, -50],
        ],
        fur,
      );
      poly(
        [
          [-42, -38],
          [-38, -68],
          [-22, -48],
        ],
        '#ffafcc',
      );
      poly(
        [
          [42, -38],
          [38, -68],
          [22, -48],
        ],
        '#ffafcc',
      );
      circle(0, -10, 55, fur);
      const half = seed % 3 === 0; // an unimpressed, half-closed look now and then
      ellipse(-20, -16, 8, half ? 3 : 9, 0, '#212529');
      ellipse(20, -16, 8, half ? 3 : 9, 0, '#212529');
      poly(
        [
          [-6, 2],
          [6, 2],
          [0, 9],
        ],
        '#ff6b81',
      );
      for (const d of [-1, 1]) {
        line(
          [
            [d * 14, 8],
            [d * 58, 0],
          ],
          '#343a40',
          1.5,
        );
        line(
          [
            [d * 14, 12],
            [d * 58, 16],
          ],
          '#343a40',
          1.5,
        );
      }
      smile(-6, 9, 6, 2);
      smile(6, 9, 6, 2);
      break;
    }
    case 'cup': {
      ellipse(0, 66, 80, 12, 0, '#f8f9fa');
      g.strokeStyle = '#dee2e6';
      g.lineWidth = 12;
      g.beginPath();
      g.arc(50, 10, 24, -Math.PI / 2, Math.PI / 2);
      g.stroke();
      poly(
        [
          [-55, -30],
          [55, -30],
          [42, 62],
          [-42, 62],
        ],
        ['#e63946', '#f8f9fa', '#457b9d', '#2a9d8f'][seed % 4],
      );
      ellipse(0, -30, 55, 10, 0, '#6f4518');
      for (const x of [-22, 0, 22])
        line(
          [
            [x, -48],
            [x + 8, -62],
            [x - 4, -76],
            [x + 6, -90],
          ],
          'rgba(255,255,255,0.85)',
          4,
        );
      circle(-16, 12, 5, '#212529');
      circle(16, 12, 5, '#212529');
      smile(0, 20, 12);
      break;
    }
    case 'cloud': {
      const grey = seed % 2 ? '#ced4da' : '#f8f9fa';
      if (seed % 2 === 0) {
        circle(55, -45, 32, '#ffd166');
        for (let i = 0; i < 8; i++) {
          const a = (i / 8) * Math.PI * 2;
          line(
            [
              [55 + Math.cos(a) * 40, -45 + Math.sin(a) * 40],
              [55 + Math.cos(a) * 54, -45 + Math.sin(a) * 54],
            ],
            '#ffd166',
            5,
          );
        }
      }
      for (const [x, y, r] of [
        [-50, 0, 34],
        [-15, -25, 44],
        [30, -12, 38],
        [60, 8, 28],
        [0, 10, 36],
      ])
        circle(x, y, r, grey);
      rrect(-84, 0, 170, 38, 19, grey);
      for (let i = 0; i < 7; i++) {
        const x = -70 + i * 23;
        line(
          [
            [x, 52 + (i % 2) * 8],
            [x - 5, 64 + (i % 2) * 8],
          ],
          '#4895ef',
          4,
        );
      }
      circle(-18, 4, 5, '#212529');
      circle(18, 4, 5, '#212529');
      g.strokeStyle = '#212529';
      g.lineWidth = 3;
      g.beginPath();
      g.arc(0, 24, 10, 1.15 * Math.PI, 1.85 * Math.PI);
      g.stroke();
      break;
    }
    case 'laptop': {
      rrect(-80, -70, 160, 105, 8, '#343a40');
      rrect(-72, -62, 144, 89, 3, '#1d3557');
      const code = ['#ffd166', '#06d6a0', '#ef476f', '#8ecae6', '#f8f9fa'];
      for (let i = 0; i < 7; i++) {
        const indent = [0, 10, 20, 20, 10, 20, 0][i];
        line(
          [
            [-62 + indent, -50 + i * 11],
            [-62 + indent + 30 + rnd() * 70, -50 + i * 11],
          ],
          code[(i + seed) % code.length],
          4,
        );
      }
      poly(
        [
          [-92, 38],
          [92, 38],
          [108, 62],
          [-108, 62],
        ],
        '#adb5bd',
      );
      rrect(-24, 48, 48, 8, 3, '#868e96');
      break;
    }
    case 'sun': {
      for (let i = 0; i < 12; i++) {
        const a = (i / 12) * Math.PI * 2;
        poly(
          [
            [Math.cos(a - 0.12) * 60, Math.sin(a - 0.12) * 60],
            [Math.cos(a) * 92, Math.sin(a) * 92],
            [Math.cos(a + 0.12) * 60, Math.sin(a + 0.12) * 60],
          ],
          '#ff9f1c',
        );
      }
      circle(0, 0, 62, '#ffd166');
      rrect(-48, -22, 40, 22, 8, '#212529');
      rrect(8, -22, 40, 22, 8, '#212529');
      line(
        [
          [-10, -14],
          [10, -14],
        ],
        '#212529',
        4,
      );
      smile(0, 14, 24, 4);
      break;
    }
    case 'pizza': {
      poly(
        [
          [-75, -55],
          [75, -55],
          [0, 80],
        ],
        '#ffd166',
      );
      rrect(-84, -70, 168, 22, 11, '#d4a373');
      for (const [x, y] of [
        [-35, -28],
        [30, -30],
        [0, 5],
        [-8, 40],
        [18, -5],
      ])
        circle(x, y, 10, '#d62828');
      for (const [x, y] of [
        [-15, -35],
        [45, -40],
        [-25, 10],
      ])
        circle(x, y, 4, '#2a9d8f');
      break;
    }
    case 'plant': {
      poly(
        [
          [-45, 20],
          [45, 20],
          [35, 75],
          [-35, 75],
        ],
        '#bc6c25',
      );
      rrect(-52, 12, 104, 16, 4, '#dda15e');
      line(
        [
          [0, 14],
          [0, -60],
        ],
        '#386641',
        6,
      );
      for (const [x, y, rot] of [
        [-26, -20, -0.6],
        [26, -34, 0.6],
        [-22, -56, -0.4],
        [22, -70, 0.4],
        [0, -84, 0],
      ])
        ellipse(x, y, 26, 11, rot, '#6a994e');
      if (seed % 2 || top.includes('tomato')) {
        line(
          [
            [0, -44],
            [12, -36],
          ],
          '#386641',
          3,
        );
        circle(14, -28, 11, '#e63946');
      }
      circle(-14, 46, 4, '#212529');
      circle(14, 46, 4, '#212529');
      smile(0, 52, 8, 2);
      break;
    }
    case 'dog': {
      ellipse(-52, -5, 20, 42, 0.3, '#7f5539');
      ellipse(52, -5, 20, 42, -0.3, '#7f5539');
      circle(0, -10, 56, '#ddb892');
      ellipse(0, 20, 30, 22, 0, '#ede0d4');
      circle(-20, -22, 7, '#212529');
      circle(20, -22, 7, '#212529');
      circle(-18, -24, 2, '#fff');
      circle(22, -24, 2, '#fff');
      ellipse(0, 8, 10, 7, 0, '#212529');
      rrect(-9, 26, 18, 24, 9, '#ff758f');
      smile(-8, 18, 8, 2);
      smile(8, 18, 8, 2);
      break;
    }
    case 'duck': {
      ellipse(-5, 35, 70, 42, 0, '#ffd60a');
      ellipse(-40, 28, 30, 18, -0.3, '#ffc300');
      circle(28, -30, 40, '#ffd60a');
      ellipse(70, -22, 22, 9, 0.1, '#fb8500');
      circle(38, -40, 7, '#212529');
      circle(40, -42, 2, '#fff');
      break;
    }
    case 'books': {
      const cols = ['#e63946', '#457b9d', '#2a9d8f', '#f4a261'];
      for (let i = 0; i < 4; i++) {
        const w = 150 - i * 12 + (i % 2) * 10;
        const x = -w / 2 + (i % 2 ? 8 : -6);
        const y = 52 - i * 28;
        rrect(x, y, w, 26, 4, cols[(i + seed) % 4]);
        rrect(x + w - 14, y + 4, 10, 18, 2, '#f8f9fa');
        line(
          [
            [x + 12, y + 13],
            [x + 52, y + 13],
          ],
          'rgba(255,255,255,0.7)',
          3,
        );
      }
      // An apple for the teacher on top of the pile.
      circle(-4, -48, 16, '#d62828');
      line(
        [
          [-4, -62],
          [-1, -72],
        ],
        '#6c584c',
        3,
      );
      ellipse(8, -68, 9, 4, -0.5, '#6a994e');
      break;
    }
    case 'clock': {
      circle(-44, -56, 22, '#e63946');
      circle(44, -56, 22, '#e63946');
      line(
        [
          [-40, 58],
          [-52, 76],
        ],
        '#495057',
        6,
      );
      line(
        [
          [40, 58],
          [52, 76],
        ],
        '#495057',
        6,
      );
      circle(0, 0, 68, '#e63946');
      circle(0, 0, 56, '#f8f9fa');
      for (let i = 0; i < 12; i++) {
        const a = (i / 12) * Math.PI * 2;
        line(
          [
            [Math.cos(a) * 46, Math.sin(a) * 46],
            [Math.cos(a) * 52, Math.sin(a) * 52],
          ],
          '#495057',
          3,
        );
      }
      const hour = rnd() * Math.PI * 2;
      line(
        [
          [0, 0],
          [Math.cos(hour) * 26, Math.sin(hour) * 26],
        ],
        '#212529',
        6,
      );
      line(
        [
          [0, 0],
          [0, -42],
        ],
        '#212529',
        4,
      );
      circle(0, 0, 5, '#212529');
      break;
    }
  }
  g.restore();

  // Classic meme captions: bold white capitals, black outline, shrunk or wrapped to fit.
  const FONT = '"DejaVu Sans Condensed", "DejaVu Sans", sans-serif';
  const fit = (text: string): { size: number; lines: string[] } => {
    const t = text.toUpperCase();
    for (let size = 32; size >= 20; size -= 2) {
      g.font = `bold ${size}px ${FONT}`;
      if (g.measureText(t).width <= 380) return { size, lines: [t] };
    }
    const words = t.split(' ');
    let best = [t, ''];
    let worst = Infinity;
    for (let i = 1; i < words.length; i++) {
      const a = words.slice(0, i).join(' ');
      const b = words.slice(i).join(' ');
      const d = Math.abs(a.length - b.length);
      if (d < worst) [best, worst] = [[a, b], d];
    }
    for (let size = 28; size > 14; size -= 2) {
      g.font = `bold ${size}px ${FONT}`;
      if (best.every((l) => g.measureText(l).width <= 380)) return { size, lines: best };
    }
    return { size: 14, lines: best };
  };
  const caption = (text: string, atTop: boolean) => {
    if (!text) return;
    const { size, lines } = fit(text);
    g.font = `bold ${size}px ${FONT}`;
    g.textAlign = 'center';
    g.textBaseline = 'alphabetic';
    g.lineJoin = 'round';
    g.lineWidth = Math.max(4, size / 5);
    g.strokeStyle = '#000';
    g.fillStyle = '#fff';
    const step = size * 1.1;
    lines.forEach((l, i) => {
      const y = atTop ? 12 + size + i * step : H - 14 - (lines.length - 1 - i) * step;
      g.strokeText(l, W / 2, y);
      g.fillText(l, W / 2, y);
    });
  };
  caption(top, true);
  caption(bottom, false);
  return c.toDataURL(type, 0.72);
}

/** Runs in the page: loads the captions' font before the first canvas uses it. */
export function loadCaptionFont(): Promise<unknown> {
  return document.fonts.load('bold 30px "DejaVu Sans Condensed"');
}
