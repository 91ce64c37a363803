export * from './exampleInput.js';
export * from './runExample.js';
export * from './run.js';
