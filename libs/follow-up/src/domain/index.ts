/** The follow-up domain's public surface. Test helpers under ./testing stay out of it: they are
 * excluded from the build. */
export * from './events';
export * from './classification';
export * from './context';
export * from './domain.errors';
export * from './decider';
export * from './validation';
export * from './workshop/workshop.state';
export * from './workshop/workshop.commands';
export * from './workshop/workshop.policy';
export * from './workshop/readable-classification';
export * from './workshop/workshop.decider';
export * from './follow-up/follow-up.state';
export * from './follow-up/follow-up.commands';
export * from './follow-up/follow-up.policy';
export * from './follow-up/readable-fold';
export * from './follow-up/follow-up.decider';
export * from './follow-up/contribution.state';
export * from './follow-up/contribution.commands';
export * from './follow-up/contribution.decider';
export * from './follow-up/follow-up.collaboration';
