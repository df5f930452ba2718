/** Injection tokens of the routing lib. */
export const ROUTING_CONFIG = Symbol('ROUTING_CONFIG');
