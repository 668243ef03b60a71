/** What the Test panels read from info.json: the configuration fields and the operations. */
import type { Field, InfoJson, Operation } from '../../../../shared/connector/info-json';
import { isFieldList } from './form';

export interface OperationInfo {
  readonly operation: string;
  readonly title: string;
  readonly description: string;
  /** `visible: false`: not offered in playbooks, usually an apiOperation helper. */
  readonly hidden: boolean;
  readonly disabled: boolean;
  /** `is_config_required: false` runs without a configuration. */
  readonly configRequired: boolean;
  readonly parameters: Field[];
  readonly outputSchema: unknown;
}

export interface ConnectorInfo {
  readonly name: string;
  readonly version: string;
  readonly configFields: Field[];
  readonly operations: OperationInfo[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function connectorInfoOf(info: unknown): ConnectorInfo {
  const i = (info && typeof info === 'object' ? info : {}) as InfoJson;
  const fields = i.configuration?.fields;
  const ops = Array.isArray(i.operations) ? i.operations : [];
  return {
    name: str(i.name),
    version: str(i.version),
    configFields: isFieldList(fields) ? fields : [],
    operations: ops.filter((o): o is Operation => !!o && typeof o === 'object' && typeof o.operation === 'string').map(operationInfo),
  };
}

function operationInfo(o: Operation): OperationInfo {
  return {
    operation: o.operation!,
    title: str(o.title) || o.operation!,
    description: str(o.description),
    hidden: o.visible === false,
    disabled: o.enabled === false,
    configRequired: o.is_config_required !== false,
    parameters: isFieldList(o.parameters) ? o.parameters : [],
    outputSchema: o.output_schema,
  };
}

/** The operations the picker lists: hidden ones only when asked for. */
export const pickable = (ops: readonly OperationInfo[], showHidden: boolean) => ops.filter((o) => showHidden || !o.hidden);
