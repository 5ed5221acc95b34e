/** Deterministic demo data: pure functions producing plain units, members, logins and recipients. */
export { DEMO_AS_OF, DEMO_SEED, demoPlans, generateDemo, generateTenant, type DemoData, type DemoTenant } from './generate-demo';
export { DEMO_2026_YEAR, demoCampaign2026, demoUnitPlans2026 } from './vinh-long-2026';
export { formatDemoSummary, summariseDemo, type DemoSummary } from './summarise-demo';
export { DemoIdentity, DemoRecipients, DemoRole, demoRoles } from './demo-identity';
export { COMMITTEE_THRESHOLD } from './demo-roster';
