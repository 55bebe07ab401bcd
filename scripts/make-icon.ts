// Renders the app icon (electron/resources/icon/icon.svg) with the Chromium scripts/chromium.ts
// finds, into what the window and electron-builder use: icon.png (1024 px, Linux and the window),
// icon.ico (Windows: PNG images of 16–256 px) and icon.icns (macOS: PNG images of 16–1024 px).
// Run after editing the SVG: npx tsx scripts/make-icon.ts
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../electron/resources/icon');

/** ICO with PNG images (Windows Vista and later read them): header, directory, images. */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

/** ICNS with PNG images, one per OSType: 'icns', total length, then type, length, data. */
function icns(images: { type: string; png: Buffer }[]): Buffer {
  const parts = images.map(({ type, png }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

const svg = await readFile(join(DIR, 'icon.svg'), 'utf8');
const browser = await launchChromium();
const pngs = new Map<number, Buffer>();
try {
  const page = await browser.newPage();
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
    );
    pngs.set(size, await page.screenshot({ omitBackground: true, type: 'png' }));
  }
} finally {
  await browser.close();
}
const png = (size: number): Buffer => pngs.get(size) as Buffer;
await writeFile(join(DIR, 'icon.png'), png(1024));
await writeFile(
  join(DIR, 'icon.ico'),
  ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png(size) }))),
);
await writeFile(join(DIR, 'icon.icns'), icns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))));
console.log(`icon.png, icon.ico and icon.icns written to ${DIR}`);
