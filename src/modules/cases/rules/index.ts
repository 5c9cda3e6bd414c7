/**
 * The cases rules library: time limits, sanctions, the four forms, disciplines, case types and the stage
 * machine, as pure functions over data. No database and no routes; the case workflow builds on this.
 */
export * from './violations';
export * from './ruleTable';
export { daysLeft, type ExtensionGrant, type Suspension } from './deadlines';
export * from './sanctions';
export * from './sanctionChecks';
export * from './fourForms';
export * from './disciplines';
export * from './caseTypes';
export * from './caseStages';
export * from './outcomes';
export { casesRulesMessages, renderViolation } from './messages';
export * from './measures';
export * from './reviews';
export * from './detention';
