import { raVi } from './ra-vi';
export const vi = { ...raVi };
