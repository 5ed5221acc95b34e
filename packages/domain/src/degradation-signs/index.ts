export * from './degradation-sign';
export * from './national';
export * from './merge';
