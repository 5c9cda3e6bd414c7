export * from './citizenId';
export * from './creditCode';
export * from './divisionCode';
export { normalizeIdentifier } from './normalize';
export { identifierMessages } from './messages';
