import { loadSealKeys } from '@liaison/audit';
import { loadCounterpartsConfig } from '@liaison/counterparts';
import { loadFilesConfig } from '@liaison/files';
import { loadIdentityConfig, loadOidcConfig } from '@liaison/identity';
import { loadConfig, loadEdgeConfig, LiaisonConfig } from '@liaison/platform';
import { loadRoutingConfig } from '@liaison/routing';

type Env = Record<string, string | undefined>;

/**
 * Every part of the API's configuration, read once before Nest starts, so the first problem
 * ends the boot with one line naming the variable (a provider that refuses its configuration
 * inside Nest comes with a stack trace). A lib with new variables adds its loader here.
 */
export function checkApiConfiguration(env: Env = process.env): LiaisonConfig {
  const config = loadConfig(env);
  loadEdgeConfig(env);
  loadRoutingConfig(env);
  loadSealKeys(env);
  loadIdentityConfig(env);
  loadOidcConfig(env);
  loadFilesConfig(env);
  loadCounterpartsConfig(env);
  return config;
}
