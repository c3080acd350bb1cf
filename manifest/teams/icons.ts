/**
 * Draws the app icons Teams requires (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons):
 * color.png, 192x192, full colour; outline.png, 32x32, white on transparent.
 * A check mark on a server-rack blue: "steps confirmed". Run after a change:
 * `npx tsc -p . && node dist/manifest/teams/icons.js` writes both next to manifest.json.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Point = [number, number];
/** The check mark as two strokes, in unit coordinates (0..1). */
const CHECK: [Point, Point][] = [
  [[0.27, 0.53], [0.44, 0.7]],
  [[0.44, 0.7], [0.75, 0.33]],
];

function distanceToSegment(p: Point, [a, b]: [Point, Point]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Coverage (0..1) of the check mark at a pixel, with a one-pixel soft edge. */
function checkCoverage(x: number, y: number, size: number, strokeWidth: number): number {
  const p: Point = [(x + 0.5) / size, (y + 0.5) / size];
  const d = Math.min(...CHECK.map((s) => distanceToSegment(p, s))) * size;
  return Math.max(0, Math.min(1, strokeWidth / 2 - d + 0.5));
}

export function drawColorIcon(size = 192): Buffer {
  const png = new PNG({ width: size, height: size });
  const [r, g, b] = [0x0f, 0x6c, 0xbd]; // accentColor in manifest.json
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = checkCoverage(x, y, size, size * 0.11);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(r + (255 - r) * c);
      png.data[i + 1] = Math.round(g + (255 - g) * c);
      png.data[i + 2] = Math.round(b + (255 - b) * c);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

export function drawOutlineIcon(size = 32): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      // Teams tints the outline itself: only white, with transparency for the shape.
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * checkCoverage(x, y, size, 3.2));
    }
  }
  return PNG.sync.write(png);
}

if (require.main === module) {
  const here = path.resolve(__dirname, '..', '..', '..', 'manifest', 'teams');
  writeFileSync(path.join(here, 'color.png'), drawColorIcon());
  writeFileSync(path.join(here, 'outline.png'), drawOutlineIcon());
}
