/** The API's edge settings (EdgeConfig): body limits, rate limits, token lifetime, ops port. */
export const EDGE_CONFIG = Symbol('EDGE_CONFIG');
