import { RebuildProgress } from './rebuild.options';

/**
 * A progress bar on stderr (stdout carries the JSON result). On a terminal it redraws one line;
 * piped into a log it prints a line every ten percent instead of thousands of redraws.
 */
export function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
): (p: RebuildProgress) => void {
  const started = Date.now();
  let lastDraw = 0;
  let lastDecile = -1;
  return (p) => {
    const share = p.headPosition > 0 ? Math.min(1, p.position / p.headPosition) : 1;
    const rate = Math.round(p.events / Math.max(0.001, (Date.now() - started) / 1000));
    const label = `${p.projection} ${(share * 100).toFixed(1)}% ${p.events} events ${rate}/s`;
    if (stream.isTTY) {
      if (Date.now() - lastDraw < 100 && share < 1) return;
      lastDraw = Date.now();
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${label}`);
      if (share >= 1) stream.write('\n');
    } else {
      const decile = Math.floor(share * 10);
      if (decile === lastDecile) return;
      lastDecile = decile;
      stream.write(`${label}\n`);
    }
  };
}
