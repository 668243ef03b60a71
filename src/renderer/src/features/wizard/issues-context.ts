import { createContext, useContext } from 'react';
import type { AnswerIssue } from '../../../../shared/connector/wizard';

export interface IssuesApi {
  readonly issues: readonly AnswerIssue[];
  /** Whether this field's errors show yet: after it was touched, after Next was tried, or once it has a value. */
  shown(field: string, hasValue: boolean): boolean;
  touch(field: string): void;
}

export const IssuesContext = createContext<IssuesApi>({ issues: [], shown: () => true, touch: () => undefined });
export const useIssues = () => useContext(IssuesContext);
