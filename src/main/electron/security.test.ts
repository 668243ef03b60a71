import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./__mocks__/electron'));
import { BrowserWindow, makeEvent, mockControl, shell } from './__mocks__/electron';
import { installSecurityHandlers, isAllowedExternalUrl } from './security';

// Every WebContents created after installSecurityHandlers() is hardened: the mock BrowserWindow emits
// 'web-contents-created' just as Electron does.
function hardenedWindow() {
  installSecurityHandlers();
  return new BrowserWindow({});
}

beforeEach(() => mockControl.reset());

describe('navigation', () => {
  it('cancels navigation to a foreign URL', () => {
    const { webContents } = hardenedWindow();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'app://other-host/index.html']) {
      const event = makeEvent({ url });
      webContents.emit('will-navigate', event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('lets the app reload or move within its own app:// origin', () => {
    const { webContents } = hardenedWindow();
    const event = makeEvent({ url: 'app://renderer/index.html#/projects' });
    webContents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('cancels redirects away from the app and refuses to attach webviews', () => {
    const { webContents } = hardenedWindow();
    const redirect = makeEvent({ url: 'https://evil.example/' });
    webContents.emit('will-redirect', redirect, redirect.url);
    const attach = makeEvent();
    webContents.emit('will-attach-webview', attach, {}, {});
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('new windows', () => {
  it('denies every window.open, and opens allow-listed https links in the browser instead', async () => {
    const { webContents } = hardenedWindow();
    const open = (url: string) => webContents.windowOpenHandler!({ url, frameName: '', features: '', disposition: 'new-window' });
    expect(open('https://docs.fortinet.com/product/fortisoar')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('http://docs.fortinet.com/')).toEqual({ action: 'deny' });
    expect(open('app://renderer/index.html')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://docs.fortinet.com/product/fortisoar');
  });

  it('allow-list: https only, exact host or subdomain, no credentials', () => {
    expect(isAllowedExternalUrl('https://github.com/fortinet')).toBe(true);
    expect(isAllowedExternalUrl('https://evilgithub.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and every permission check', () => {
    const { webContents } = hardenedWindow();
    const ses = webContents.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      ses.permissionRequestHandler!(webContents, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler!(webContents, permission, 'app://renderer', {}), permission).toBe(false);
    }
  });
});
