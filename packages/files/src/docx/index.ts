export { renderDocx } from './render';
