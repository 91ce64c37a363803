export * from './civilDate.js';
