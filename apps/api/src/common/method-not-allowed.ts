import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * The methods each documented path answers, from the OpenAPI document, so that a known path asked with
 * another method answers 405 with `Allow` (RFC 9110 §15.5.6) instead of 404: the path exists, the method does
 * not. Express answers HEAD for every GET route by itself.
 */
const routes: Array<{ pattern: RegExp; methods: string[] }> = [];

export function registerDocumentedRoutes(document: OpenAPIObject): void {
  routes.length = 0;
  for (const [path, item] of Object.entries(document.paths)) {
    const methods = Object.keys(item)
      .filter((m) => ['get', 'put', 'post', 'delete', 'patch'].includes(m))
      .map((m) => m.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    const source = path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    routes.push({ pattern: new RegExp(`^${source}/?$`), methods });
  }
}

/** The methods a path allows, or undefined when no documented route has this path. */
export function allowedMethods(path: string): string[] | undefined {
  const found = routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods);
  return found.length > 0 ? [...new Set(found)] : undefined;
}
