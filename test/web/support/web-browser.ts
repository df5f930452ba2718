/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's chromium (.ci/run installs it); CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ROOT = join(__dirname, '..', '..', '..');
export const WEB_DIR = join(ROOT, 'dist', 'web');

/**
 * The specs drive the built app, as the API serves it. CI builds before testing; a run without
 * a build (a developer's `npx jest test/web`) builds the app first rather than fail obscurely.
 */
export function ensureWebBuilt(): void {
  if (existsSync(join(WEB_DIR, 'index.html'))) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A browser profile of its own (cookies, storage) in the given language, Seoul's time zone. */
export async function newContext(
  browser: Browser,
  locale: 'ko-KR' | 'en-US',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale,
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1280, height: 900 },
  });
  // Well inside the spec's time, so a step that never happens fails naming the step.
  context.setDefaultTimeout(15_000);
  return context;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown }[];
}

/**
 * axe-core on the page as it is: the serious and critical violations (none expected). Evaluated
 * through the DevTools protocol, so the page's CSP (no inline scripts) does not stand in its way.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes[0]?.target)}`);
}

/** Where the specs leave screenshots for a person to look at. */
export const SHOTS_DIR = process.env.WEB_SHOTS_DIR ?? join(ROOT, 'reports', 'web');
