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
import { templateTextRules } from './template-text';

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
  ...templateTextRules,
];

export { infoJsonParse } from './document';
