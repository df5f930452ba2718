/** The sign-in throttle (a SignInThrottle over the shared Redis). */
export const SIGN_IN_THROTTLE = Symbol('SIGN_IN_THROTTLE');
