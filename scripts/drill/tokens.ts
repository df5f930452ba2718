/** Bearer tokens for the drill's people, minted once each with the secret the APIs were given. */
import { signToken, UserRole } from '../../libs/platform/src';

export class Tokens {
  private readonly minted = new Map<string, string>();

  constructor(
    private readonly secret: string,
    /** Long enough for the whole run, retries included. */
    private readonly expiresIn = '1h',
  ) {}

  private token(role: UserRole, agency?: string): string {
    const sub = `drill.${role}${agency ? `.${agency.toLowerCase()}` : ''}`;
    let token = this.minted.get(sub);
    if (!token) {
      token = signToken({ sub, role, agency, expiresIn: this.expiresIn }, this.secret);
      this.minted.set(sub, token);
    }
    return token;
  }

  head(agency: string): string {
    return this.token('bureau_head', agency);
  }

  officer(agency: string): string {
    return this.token('agency_officer', agency);
  }

  auditor(): string {
    return this.token('auditor');
  }
}
