export * from './decimal.js';
export * from './round.js';
export * from './format.js';
export * from './parse.js';
