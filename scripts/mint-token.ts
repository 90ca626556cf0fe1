import { loadConfig } from '@app/config';
import { ROLES, type Role } from '@app/contracts';
import { mintDevToken } from '@app/platform';

/**
 * Local tokens for development:
 *   npm run token -- --role BREAKTHROUGH_TABLE --municipality GM0405 --sub table-chair-1
 *   npm run token -- --role PROVIDER --provider PRV-001 --sub provider-user-7
 *   npm run token -- --role CLIENT --municipality GM0405 --client c-demo-hoorn-1   (a resident)
 */
function arg(name: string): string[] {
  const values: string[] = [];
  const argv = process.argv.slice(2);
  argv.forEach((a, i) => a === `--${name}` && argv[i + 1] && values.push(argv[i + 1]));
  return values;
}

const roles = arg('role') as Role[];
const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
if (roles.length === 0 || bad.length > 0) {
  console.error(
    `usage: --role <${ROLES.join('|')}> [--municipality GM0405]… [--provider ID] [--client ID] [--sub ID] [--expires 8h]`,
  );
  process.exit(2);
}
process.env.DATABASE_URL ??= 'postgres://unused@localhost/unused';
console.log(
  mintDevToken(loadConfig(), {
    sub: arg('sub')[0] ?? `dev-${roles[0].toLowerCase()}`,
    roles,
    municipalities: arg('municipality'),
    providerId: arg('provider')[0],
    clientId: arg('client')[0],
    expiresIn: arg('expires')[0],
  }),
);
