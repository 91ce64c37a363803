export * from './decimal.js';
export * from './round.js';
export * from './format.js';
export * from './parse.js';
export * from './cents.js';
