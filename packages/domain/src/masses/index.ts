/**
 * Self-criticism before the masses (Trà Vinh's QĐ 3054-QĐ/TU as Kế hoạch 03-KH/ĐUK carries it
 * out): the tenant's settings as data, the year's review and its milestones, workplaces and their
 * counted masses, sessions from plan to signed minutes, anonymous comments and their single-use
 * codes, remediation items, and Biểu 5's additive arithmetic. Pure: no storage, no clock.
 */
export * from './masses-settings';
export * from './masses-review';
export * from './non-member-staff';
export * from './workplace';
export * from './masses-agenda';
export * from './session-time';
export * from './masses-session';
export * from './session-record';
export * from './signature';
export * from './comment-form';
export * from './comment';
export * from './comment-order';
export * from './single-use-code';
export * from './remediation-item';
export * from './self-criticism';
export * from './masses-counts';
export * from './masses-rollup';
export * from './minutes';
export * from './workplace-upload';
export * from './masses-completion';
export * from './member-masses';
export * from './bieu5';
