// Preloaded (node --require, through NODE_OPTIONS) into the servers the outside-consumer test starts: it
// makes them exit when the process that started them is gone, even if that process was killed without a
// chance to clean up. An orphan is adopted by another process at once, so a changed parent pid is the sign
// (the old pid itself may linger as a zombie). It kills itself rather than calling process.exit(), which can
// wait forever on a logger's worker thread (Verdaccio's does); the parent is gone, nothing is worth flushing.
// The interval is unref'd, so it never keeps a process alive; worker threads (which also get the preload)
// leave the watching to the main thread.
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
  }, 1000).unref();
}
