import { ServiceError } from '../errors';

type Fields<N extends number, Acc extends string[] = []> = Acc['length'] extends N ? Acc : Fields<N, [...Acc, string]>;

/** The `count` fields of one line git printed in a format we asked for (`--format` with separators). A line with
 * fewer is not in that format, which fails the command with what git printed instead of reading blanks. */
export function gitFields<N extends number>(line: string, separator: string, count: N, command: string): Fields<N> {
  const parts = line.split(separator);
  if (parts.length < count)
    throw new ServiceError(
      'GIT',
      `git ${command} printed a line with ${parts.length} of the ${count} fields asked for: "${line.slice(0, 200)}". Check that Settings > git names a standard git 2.x.`,
    );
  // The length is checked just above.
  return parts.slice(0, count) as Fields<N>;
}
