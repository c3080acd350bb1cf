/**
 * Writes an audit export into a folder without ever replacing an earlier file: a
 * second export of the same day gets "-2", "-3"... before its extension. Each name is
 * claimed with an exclusive create, so two chats exporting at once cannot collide.
 */
import fs from 'node:fs';
import path from 'node:path';

const MOST_COPIES = 1000;

/** The path written. */
export function writeNewFile(dir: string, filename: string, content: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const ext = path.extname(filename);
  const base = filename.slice(0, filename.length - ext.length);
  for (let copy = 1; copy <= MOST_COPIES; copy++) {
    const file = path.join(dir, copy === 1 ? filename : `${base}-${copy}${ext}`);
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`more than ${MOST_COPIES} exports named ${filename} in ${dir}`);
}
