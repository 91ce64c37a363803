export * from './numberFormat.js';
export * from './dateFormat.js';
export * from './decode.js';
export * from './layout.js';
export * from './loadProfile.js';
export * from './readRegister.js';
export * from './registerRecords.js';
