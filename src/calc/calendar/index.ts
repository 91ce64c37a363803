export * from './holidayRules.js';
export * from './evaluateHolidays.js';
export * from './businessCalendar.js';
export * from './loadCalendar.js';
