/** A one-line progress bar on stderr, redrawn in place on a terminal and printed sparsely otherwise. */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let lastPct = -1;
  return {
    update(done: number, total: number) {
      const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (pct === lastPct) return;
      if (!tty && pct % 25 !== 0 && done !== total) return;
      lastPct = pct;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
      process.stderr.write(`${tty ? '\r' : ''}${label} [${bar}] ${done}/${total}${tty ? '' : '\n'}`);
    },
    done() {
      if (tty && lastPct >= 0) process.stderr.write('\n');
    },
  };
}
