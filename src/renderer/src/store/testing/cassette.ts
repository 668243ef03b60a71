/** Off runs against the vendor; record saves the HTTP to a cassette; replay answers it from the cassette offline. */
export type CassetteMode = 'off' | 'record' | 'replay';

/** The cassette a run or health check used, as the service was asked for it. */
export interface CassetteUse {
  readonly mode: 'record' | 'replay';
  readonly name: string;
}
