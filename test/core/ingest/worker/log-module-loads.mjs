// Loaded with --import (and so again in every worker thread): prints each file or builtin module resolved, as
// "LOAD <url>" on stderr, so a test can see what a thread loads.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (/^(file|node):/.test(resolved.url)) process.stderr.write('LOAD ' + resolved.url + '\\n');
  return resolved;
}`)}`,
);
