export { compareConnectors, compatChanges } from './report';
export { announcesMajor, bumpVersion, compareVersions, formatVersion, parseVersion, type Semver } from './semver';
export { flattenFields, hasDefault } from './fields';
export { outputKeys } from './operations';
export type { CompatChange, CompatChangeKind, CompatReport, FieldChangeKind, FieldScope } from './types';
