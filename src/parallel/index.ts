export * from './partition.js';
export * from '../io/csvScan.js';
export * from './registerRows.js';
export * from './runner.js';
export * from './expectedStream.js';
