// An ESLint rule that checks every import against an allow-list per folder (the README's arrows, in lint).
// Each import is resolved first: a relative path to the repository file it names, an `@app/*` alias to its
// library through tsconfig.json's paths, anything else to its package name. A file's zone is the first
// whose `files` glob matches; an import passes only if one of the zone's `allow` entries matches it.
// Allow entries are repository path globs ("libs/domain/src/shared/**") or package names ("typeorm",
// "@nestjs/*", "node:*"; "*" for any package).
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const BUILTINS = new Set(builtinModules);

/** `**` any depth, `*` one path segment (or part of one). */
function globToRegExp(glob) {
  const pattern = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${pattern}$`);
}

let aliasCache;
/** The `@app/*` aliases of tsconfig.json, read once per lint run. */
function aliases() {
  if (aliasCache === undefined) {
    const { compilerOptions } = JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.json'), 'utf8'));
    aliasCache = new Map(
      Object.entries(compilerOptions.paths ?? {}).map(([alias, [target]]) => [alias, target]),
    );
  }
  return aliasCache;
}

/** What an import names: { path } inside the repository, or { pkg } for a package. */
function resolveImport(specifier, fromFile, aliasMap) {
  if (specifier.startsWith('.')) {
    return {
      path: relative(ROOT, resolve(dirname(fromFile), specifier))
        .split(sep)
        .join('/'),
    };
  }
  if (aliasMap.has(specifier)) return { path: aliasMap.get(specifier) };
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) {
    return { pkg: specifier.startsWith('node:') ? specifier : `node:${specifier}` };
  }
  const parts = specifier.split('/');
  return { pkg: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

function allows(entry, target) {
  if (target.path !== undefined) {
    if (!entry.includes('/') && !entry.startsWith('.')) return false;
    const re = globToRegExp(entry);
    // A path names a file or a folder with an index: `libs/domain/src` matches `libs/domain/src/**` too.
    return re.test(target.path) || re.test(`${target.path}/index`);
  }
  if (entry === '*') return true;
  if (entry.includes('/') && !entry.startsWith('@')) return false;
  return globToRegExp(entry).test(target.pkg);
}

export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'every import is on the allow-list of its folder' },
    schema: [{ type: 'array' }],
    messages: {
      denied: '{{file}} may not import {{what}} (allowed here: {{allowed}}; see eslint.config.mjs)',
    },
  },
  create(context) {
    const zones = (context.options[0] ?? []).map((zone) => ({
      ...zone,
      match: zone.files.map(globToRegExp),
      except: (zone.ignores ?? []).map(globToRegExp),
    }));
    const file = relative(ROOT, context.filename).split(sep).join('/');
    const zone = zones.find(
      (z) => z.match.some((re) => re.test(file)) && !z.except.some((re) => re.test(file)),
    );
    if (zone === undefined) return {};
    const aliasMap = aliases();
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const target = resolveImport(node.source.value, context.filename, aliasMap);
      if (zone.allow.some((entry) => allows(entry, target))) return;
      context.report({
        node: node.source,
        messageId: 'denied',
        data: {
          file: zone.name,
          what: target.path ?? target.pkg,
          allowed: zone.allow.join(', ') || 'nothing outside itself',
        },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'allowed-imports': allowedImports } };
