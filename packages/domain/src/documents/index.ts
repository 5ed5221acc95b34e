export * from './model';
export * from './labels';
export * from './party-header';
export * from './self-review-sections';
export * from './degradation-checklist';
export * from './self-review';
export * from './not-rated-reason';
export * from './rating-minutes';
