import type { ConnectionTest, ServerProfile, ServerProfileInput } from '../../../../shared/models/publish';
import { call } from '../../api/client';
import { createStore } from '../create-store';
import { presentError, type PresentedError } from './errors';

export interface TestState {
  readonly running: boolean;
  readonly result?: ConnectionTest;
  readonly error?: PresentedError;
}

interface ProfilesState {
  profiles: ServerProfile[];
  loaded: boolean;
  /** Connection tests by profile id. */
  tests: Record<string, TestState>;
  /** The profile editor: a profile, 'new', or closed. */
  editing: ServerProfile | 'new' | null;
}
interface ProfilesAction {
  load(): Promise<void>;
  save(input: ServerProfileInput): Promise<ServerProfile>;
  remove(profileId: string): Promise<void>;
  test(profileId: string): Promise<ConnectionTest | null>;
  /** "Trust this certificate": pins the fingerprint the user compared, then tests again. */
  trust(profileId: string, sha256: string): Promise<void>;
  edit(target: ServerProfile | 'new' | null): void;
}

/** Server profiles (secrets stay in the services: a profile only says `secretSet`) and their connection tests. */
export const useProfilesStore = createStore<ProfilesState & ProfilesAction>('publish-profiles', (set, get) => {
  const setTest = (id: string, t: TestState) => set({ tests: { ...get().tests, [id]: t } }, false, 'test');
  return {
    profiles: [],
    loaded: false,
    tests: {},
    editing: null,
    load: async () => set({ profiles: await call('publish.profiles', {}), loaded: true }, false, 'load'),
    save: async (input) => {
      const saved = await call('publish.saveProfile', { profile: input });
      const others = get().profiles.filter((p) => p.id !== saved.id);
      // A changed profile's old test result says nothing about it any more.
      const { [saved.id]: _old, ...tests } = get().tests;
      set({ profiles: [...others, saved].sort((a, b) => a.name.localeCompare(b.name)), tests }, false, 'save');
      return saved;
    },
    remove: async (profileId) => {
      await call('publish.removeProfile', { profileId });
      set({ profiles: get().profiles.filter((p) => p.id !== profileId) }, false, 'remove');
    },
    test: async (profileId) => {
      setTest(profileId, { running: true });
      try {
        const result = await call('publish.testConnection', { profileId });
        setTest(profileId, { running: false, result });
        return result;
      } catch (e) {
        setTest(profileId, { running: false, error: presentError(e) });
        return null;
      }
    },
    trust: async (profileId, sha256) => {
      const saved = await call('publish.pinCertificate', { profileId, sha256 });
      set({ profiles: get().profiles.map((p) => (p.id === saved.id ? saved : p)) }, false, 'trust');
      await get().test(profileId);
    },
    edit: (editing) => set({ editing }, false, 'edit'),
  };
});
