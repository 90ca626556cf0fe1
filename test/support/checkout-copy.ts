import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

/** Borrowed from this checkout instead of copied: large, and installed or downloaded, not written by anyone. */
const BORROWED = ['node_modules', '.tools'];

export interface CheckoutCopy {
  /** The folder made by mkdtemp (mode 700: other users cannot traverse it). */
  readonly home: string;
  /** The copy's root, inside `home`. */
  readonly root: string;
  remove(): void;
}

/**
 * A copy of this checkout's working tree, uncommitted work included (the files git tracks or would track), in a
 * fresh mkdtemp folder, with node_modules and .tools linked to this checkout's. Its `npm start` / `npm test`
 * then build into, and keep their data in, the copy: never this checkout's dist/ or .data/.
 */
export function copyCheckout(prefix: string): CheckoutCopy {
  const home = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const root = join(home, 'checkout');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const source = join(ROOT, file);
    // Deleted in the working tree but still in git's index; or a borrowed folder that is a symlink here (git
    // ignores `.tools/` as a folder, not as a link), linked below instead.
    if (!existsSync(source) || BORROWED.includes(file.split('/')[0])) continue;
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(source, join(root, file));
  }
  for (const name of BORROWED) {
    if (existsSync(join(ROOT, name))) symlinkSync(join(ROOT, name), join(root, name));
  }
  return { home, root, remove: () => rmSync(home, { recursive: true, force: true }) };
}
