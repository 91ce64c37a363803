export * from './partition.js';
export * from './runner.js';
export * from './expectedStream.js';
// What the worker threads read records with (the test suite checks them against the streaming readers).
export * from '../io/csvScan.js';
export * from '../io/register/registerRecords.js';
