// Container health probe: `node healthcheck.cjs <url>` exits 0 on a 2xx answer, 1 otherwise.
// The runtime images have no curl/wget, and Node 20's global fetch makes one unnecessary.
'use strict';

const url = process.argv[2];
if (!url) {
  console.error('usage: node healthcheck.cjs <url>');
  process.exit(2);
}

// Abort before Docker's own --timeout would kill the probe, so a hung endpoint reports as unhealthy, not as killed.
globalThis
  .fetch(url, { signal: globalThis.AbortSignal.timeout(4000) })
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch((err) => {
    console.error(`healthcheck ${url}: ${err.message}`);
    process.exit(1);
  });
