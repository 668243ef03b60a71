import type * as Monaco from 'monaco-editor';

/** Monaco's API as the lazy loader hands it out; a type alone, so stores may name it without loading Monaco. */
export type MonacoApi = typeof Monaco;
