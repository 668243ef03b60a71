/** multipart/form-data bodies, as `requests` sends `files=` and browsers send forms: the parts that carry a file. */

export interface UploadedFile {
  readonly fieldName: string;
  readonly fileName: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

/** The file parts of a multipart/form-data body; undefined when the content type is not multipart/form-data with
 * a boundary. */
export function parseMultipartFiles(body: Buffer, contentType: string | undefined): UploadedFile[] | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!contentType?.toLowerCase().startsWith('multipart/form-data') || !boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const files: UploadedFile[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    const part = body.subarray(partStart + 2, next - 2); // skip the CRLF after the delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
      const fieldName = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
      if (fieldName !== undefined && fileName !== undefined) files.push({ fieldName, fileName, contentType: type, data: part.subarray(headerEnd + 4) });
    }
    start = next;
  }
  return files;
}
