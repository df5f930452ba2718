export type DependencyCheck = { status: 'up' | 'down' };

/**
 * Asks a dependency one cheap question with a deadline: a frozen Postgres never answers, and
 * a health probe must. The reason for a 'down' goes to the logs of the dependency's users, not
 * to the public answer.
 */
export async function checkDependency(
  probe: () => Promise<unknown>,
  timeoutMs = 1000,
): Promise<DependencyCheck> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise(
        (_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)),
      ),
    ]);
    return { status: 'up' };
  } catch {
    return { status: 'down' };
  } finally {
    clearTimeout(timer);
  }
}
