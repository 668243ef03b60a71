/** API import channels: connectors and operations from an API description, and a mock vendor serving it. */
import type { AddedOperations, ApiDescriptionSource, ApiImportAnswers, ApiImportPreview, ApiImportSelection, MockVendorInfo } from '../../models/api-import';
import type { ProjectSummary } from '../../models/workspace';
import type { Empty, InProject } from './common';

export interface ApiImportChannels {
  /** The operations an API description (OpenAPI, Postman, cURL) offers, and what each would generate. */
  'apiImport.preview': { req: { source: ApiDescriptionSource }; res: ApiImportPreview };
  /** A project on the blank template from the picked operations, opened and trusted. */
  'apiImport.create': { req: { source: ApiDescriptionSource; selection: ApiImportSelection; answers: ApiImportAnswers }; res: ProjectSummary };
  /** The picked operations appended to the project; those already there are not touched. */
  'apiImport.addOperations': { req: InProject & { source: ApiDescriptionSource; selection: ApiImportSelection }; res: AddedOperations };
  /** A mock vendor serving the description on 127.0.0.1 until stopped (or the app quits). */
  'mockVendor.start': { req: { source: ApiDescriptionSource; port?: number }; res: MockVendorInfo };
  'mockVendor.stop': { req: { port: number }; res: Empty };
}
