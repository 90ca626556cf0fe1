import { Logger } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface WebAsset {
  contentType: string;
  /** Text, so that Nest sends it as is (a Buffer would be serialised as JSON). */
  body: string;
}

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/**
 * The static files of the pages (plain ES modules and one stylesheet, no build step), read once. Next to this
 * file when run from source; from the source tree when run from `dist/` (tsc copies no assets).
 */
export class WebAssets {
  private readonly files = new Map<string, WebAsset>();

  constructor(dir = WebAssets.locate()) {
    if (dir === undefined) {
      new Logger('WebAssets').warn('apps/api/src/web/assets not found: the pages will have no scripts');
      return;
    }
    for (const name of readdirSync(dir)) {
      const type = TYPES[name.split('.').pop() ?? ''];
      if (type && /^[a-z][a-z-]*\.(js|css)$/.test(name)) {
        this.files.set(name, { contentType: type, body: readFileSync(resolve(dir, name), 'utf8') });
      }
    }
  }

  static locate(): string | undefined {
    const candidates = [
      resolve(__dirname, 'assets'),
      resolve(process.cwd(), 'apps', 'api', 'src', 'web', 'assets'),
    ];
    return candidates.find((dir) => existsSync(resolve(dir, 'app.css')));
  }

  get(name: string): WebAsset | undefined {
    return this.files.get(name);
  }

  names(): string[] {
    return [...this.files.keys()].sort();
  }
}
