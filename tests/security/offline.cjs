// Preloaded into the Electronegativity scan: its HTTP client is replaced by one that fails at once, so the scan never
// reaches the network (the release list and translations it would fetch are not needed for the checks).
const Module = require('node:module');
const load = Module._load;
const offline = () => Promise.reject(new Error('offline'));
offline.head = offline;
offline.get = offline;
offline.extend = () => offline;
Module._load = function (request, ...rest) {
  if (request === 'got') return Object.assign(offline, { default: offline, __esModule: true });
  return load.call(this, request, ...rest);
};
