// The runtime's public shapes live in src/shared so the UI can type its panels with them.
export type * from '../../../shared/models/runtime';
