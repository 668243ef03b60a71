/** The name and email git writes into every commit (user.name, user.email). */
export interface GitIdentity {
  readonly name: string;
  readonly email: string;
}

/** The `details` of the GIT error a commit fails with when git has no identity: the UI asks for one. */
export const isIdentityNeeded = (details: unknown): boolean =>
  typeof details === 'object' && details !== null && (details as { needs?: unknown }).needs === 'gitIdentity';
