/**
 * Mints a bearer token for trying the API by hand.
 * npm run token -- --role bureau_head --agency MSIT [--sub id] [--name "Name"] [--expires 8h]
 */
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import { loadConfig, loadEdgeConfig, ROLES, signToken, UserRole } from '../libs/platform/src';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    agency: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  },
});

const role = values.role as UserRole;
if (!ROLES.includes(role)) {
  console.error(`--role must be one of ${ROLES.join(', ')}`);
  process.exit(2);
}
const agency = values.agency?.toUpperCase();
if ((role === 'bureau_head' || role === 'agency_officer') && !agency) {
  console.error(`--agency is required for ${role}`);
  process.exit(2);
}
const sub = values.sub ?? `${role}${agency ? `.${agency.toLowerCase()}` : ''}`;
// HS256 tokens are for development and test only (production refuses them): an unset NODE_ENV
// here means development, and a production one is refused.
const config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' });
if (!config.hs256Enabled) {
  console.error('Shared-secret tokens are accepted only under NODE_ENV=development or test');
  process.exit(2);
}
const token = signToken(
  { sub, role, agency, name: values.name, expiresIn: values.expires },
  config.jwtSecret,
);
// The API refuses a token that lives longer than JWT_MAX_LIFETIME_S: say so now, not at use.
const { iat, exp } = jwt.decode(token) as { iat: number; exp: number };
const { jwtMaxLifetimeS } = loadEdgeConfig();
if (exp - iat > jwtMaxLifetimeS) {
  console.error(`--expires must be at most ${jwtMaxLifetimeS} s (JWT_MAX_LIFETIME_S)`);
  process.exit(2);
}
console.log(token);
