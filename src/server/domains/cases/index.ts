export { casesModule } from './cases.module.js';
