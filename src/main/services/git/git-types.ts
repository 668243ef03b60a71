// The git service's shapes live in src/shared so the UI's Git panel is typed by them too.
export type * from '../../../shared/models/git';
