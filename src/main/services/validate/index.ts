export { createValidateService, type ValidateOptions, type ValidateService } from './validate-service';
export { readSnapshot } from './read-snapshot';
export { locateConnectorDir } from './locate';
