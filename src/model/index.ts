export * from './types';
export * from './elements';
export * from './graph';
export { parseFlow, buildDoc, type ParseOptions } from './parse/index';
