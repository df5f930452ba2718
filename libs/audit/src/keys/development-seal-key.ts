/**
 * ┌──────────────────────────────────────────────────────────────────────────────────────────┐
 * │ DEVELOPMENT AND TEST ONLY. THIS PRIVATE KEY IS PUBLIC: IT IS COMMITTED TO THE REPOSITORY. │
 * │ Seals signed with it prove nothing. It is used only when AUDIT_SEAL_PRIVATE_KEY is unset  │
 * │ and NODE_ENV is not "production"; production refuses to seal without a configured key.   │
 * └──────────────────────────────────────────────────────────────────────────────────────────┘
 */
export const DEVELOPMENT_SEAL_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIEHqCJV3/yUC3zVaXl5mhB/5UbkHKW/yG6KKxbXxnrNy
-----END PRIVATE KEY-----
`;
