export * from './valueDiff.js';
export * from './ruleDiff.js';
