// Preloaded into a benchmarked process (node -r): prints its peak resident memory on exit.
process.on('exit', () => {
  process.stderr.write(`maxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
