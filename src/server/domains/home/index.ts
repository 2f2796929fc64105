export { homeModule } from './home.module.js';
