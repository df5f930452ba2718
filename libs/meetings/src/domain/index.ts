export * from './meeting-series.events';
export * from './meeting-series.commands';
export * from './meeting-series.state';
export * from './meeting-series.policy';
export * from './meeting-series.decider';
