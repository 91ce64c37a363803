export { InputError, formatProblem, type InputProblem } from '../model/problems.js';
