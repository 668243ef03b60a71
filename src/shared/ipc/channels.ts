import type { Channel, EventName } from './contract';

/** Runtime lists of the contract's keys. Typed as records so a channel added to the contract
 * without being listed here is a compile error (the allow-lists in preload and server use these). */
const channelMap: Record<Channel, true> = {
  'app.info': true,
  'app.exportDiagnostics': true,
  'app.openLogsFolder': true,
  'settings.get': true,
  'settings.update': true,
  'tools.detect': true,
  'fs.browse': true,
  'projects.list': true,
  'projects.open': true,
  'projects.delete': true,
  'files.tree': true,
  'files.read': true,
  'files.write': true,
  'files.createDir': true,
  'files.rename': true,
  'files.delete': true,
  'files.search': true,
  'files.replace': true,
  'git.status': true,
  'git.init': true,
  'git.commitAll': true,
  'backup.save': true,
  'backup.discard': true,
  'backup.list': true,
  'session.get': true,
  'session.save': true,
  'connector.validate': true,
  'testConfig.list': true,
  'testConfig.save': true,
  'testConfig.delete': true,
  'testConfig.setActive': true,
  'runtime.health': true,
  'runtime.execute': true,
  'runtime.stop': true,
};
const eventMap: Record<EventName, true> = {
  'menu.command': true,
  'app.openRequested': true,
  'files.changed': true,
  'progress.updated': true,
  'projects.changed': true,
  'runtime.output': true,
};

export const CHANNELS = Object.keys(channelMap) as Channel[];
export const EVENTS = Object.keys(eventMap) as EventName[];
export const isChannel = (c: string): c is Channel => Object.prototype.hasOwnProperty.call(channelMap, c);
export const isEventName = (e: string): e is EventName => Object.prototype.hasOwnProperty.call(eventMap, e);
