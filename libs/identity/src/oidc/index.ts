export * from './oidc.config';
export * from './oidc.tokens';
export * from './oidc-flow.store';
export * from './oidc-sign-in.service';
export * from './idp-jwt.verifier';
export * from './return-to';
export * from './idp-jwt.authenticator';
export * from './oidc.module';
