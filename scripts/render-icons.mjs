// Renders icon.svg's shapes to 512×512 and 256×256 PNGs with Node alone (zlib), so no image tools are needed.
// Run: node scripts/render-icons.mjs. The shapes below mirror icon.svg (512-unit coordinates).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const roundRect = (x, y, w, h, r) => (px, py) => {
  const dx = Math.max(x + r - px, 0, px - (x + w - r));
  const dy = Math.max(y + r - py, 0, py - (y + h - r));
  return dx * dx + dy * dy <= r * r && px >= x && px <= x + w && py >= y && py <= y + h;
};
const circle = (cx, cy, r) => (px, py) => (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
const segment = (ax, ay, bx, by, halfWidth) => (px, py) => {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (px - (ax + t * (bx - ax))) ** 2 + (py - (ay + t * (by - ay))) ** 2 <= halfWidth * halfWidth;
};
const shapes = [
  [roundRect(16, 16, 480, 480, 96), hex('#1f4e79')],
  [roundRect(136, 96, 240, 320, 24), hex('#ffffff')],
  [roundRect(176, 156, 160, 20, 10), hex('#9db4cc')],
  [roundRect(176, 206, 160, 20, 10), hex('#9db4cc')],
  [roundRect(176, 256, 100, 20, 10), hex('#9db4cc')],
  [circle(356, 376, 84), hex('#2e8b57')],
  [(x, y) => segment(316, 378, 344, 406, 12)(x, y) || segment(344, 406, 398, 350, 12)(x, y), hex('#ffffff')],
];

function render(size) {
  const scale = 512 / size;
  const samples = 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = (x + (sx + 0.5) / samples) * scale;
          const py = (y + (sy + 0.5) / samples) * scale;
          let color = null;
          for (const [inside, c] of shapes) if (inside(px, py)) color = c;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const n = samples * samples;
      const o = 1 + x * 4;
      row[o] = a ? Math.round(r / a) : 0;
      row[o + 1] = a ? Math.round(g / a) : 0;
      row[o + 2] = a ? Math.round(b / a) : 0;
      row[o + 3] = Math.round((255 * a) / n);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(width, height, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const dir = new URL('../resources/icons/', import.meta.url);
for (const size of [512, 256]) writeFileSync(new URL(`${size}x${size}.png`, dir), render(size));
writeFileSync(new URL('icon.png', dir), render(512));
