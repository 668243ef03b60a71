/** Every rule, in catalogue order. */
import type { Rule } from '../rule';
import { assetRules } from './assets';
import { choiceRules } from './choices';
import { codeRules } from './code';
import { connectorRules } from './connector';
import { descriptionRules } from './descriptions';
import { fieldRules } from './fields';
import { ingestionRules } from './ingestion';
import { operationRules } from './operations';
import { packageRules } from './package';
import { playbookRules } from './playbooks';
import { requirementRules } from './requirements';

export const allRules: readonly Rule[] = [
  ...packageRules,
  ...connectorRules,
  ...operationRules,
  ...fieldRules,
  ...choiceRules,
  ...descriptionRules,
  ...assetRules,
  ...playbookRules,
  ...ingestionRules,
  ...requirementRules,
  ...codeRules,
];

export { infoJsonParse } from './document';
