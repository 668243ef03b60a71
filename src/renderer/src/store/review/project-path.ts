/** `sample/../tests/x.py` -> `tests/x.py`: finding paths are relative to the connector folder (the certification
 * profile names every .py of the repository, `../tests/x.py` too), the project's files service wants them
 * relative to the project, without `..`. Undefined for a path that leaves the project. */
export function projectRelative(connectorRel: string, path: string): string | undefined {
  const out: string[] = [];
  for (const part of `${connectorRel ? `${connectorRel}/` : ''}${path}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') out.push(part);
    else if (out.pop() === undefined) return undefined;
  }
  return out.join('/');
}
