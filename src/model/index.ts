export * from './types';
export * from './elements';
export * from './graph';
export { parseFlow, buildDoc, type ParseOptions } from './parse/index';
export { diffFlows, isEmptyDiff } from './diff/index';
export type * from './diff/types';
