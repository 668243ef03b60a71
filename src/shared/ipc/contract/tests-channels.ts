/** Connector test channels: the project's pytest tests, running them offline, and saving or re-recording them. */
import type { RerecordPreview, SavedTest, TestCollection, TestDataMode, TestRunReport, TestTarget } from '../../models/connector-tests';
import type { Empty, InProject } from './common';

export interface TestsChannels {
  /** The project's pytest tests (`tests/test_*.py`, pytest --collect-only in the connector's environment). */
  'tests.list': { req: InProject; res: TestCollection };
  /** Runs all tests, a file or one node id offline (cassettes replayed, simulated platform); answers when done. */
  'tests.run': { req: InProject & { target?: TestTarget }; res: TestRunReport };
  /** Writes (or rewrites) the test of recording `<operation>-<name>` into `tests/test_<operation>.py`, and the
   * helper module once. `mode` defaults to `exact`. */
  'tests.saveAsTest': { req: InProject & { operation: string; name: string; mode?: TestDataMode }; res: SavedTest };
  /** Re-record: runs the test's call live against the vendor (with the configuration `configId`, else the
   * recorded one) into a pending recording and answers what changed against its cassette. */
  'tests.rerecord': { req: InProject & { testId: string; configId?: string }; res: RerecordPreview };
  /** Accept: the pending recording replaces the test's cassette and run record (both scrubbed). */
  'tests.acceptRerecord': { req: InProject & { recording: string }; res: { cassette: string; runRecord: string } };
  /** Keep: the pending recording is thrown away; the test's recording stays. */
  'tests.keepRecording': { req: InProject & { recording: string }; res: Empty };
}
