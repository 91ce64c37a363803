export * from './schema.js';
export * from './load.js';
export * from './ruleBook.js';
export * from './bundled.js';
