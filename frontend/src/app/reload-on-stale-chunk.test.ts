import { afterEach, describe, expect, it, vi } from 'vitest';
import { RELOADED_AT_KEY, reloadOnStaleChunk } from './reload-on-stale-chunk';

function fakeWindow() {
  const target = new EventTarget() as EventTarget & {
    sessionStorage: Storage;
    location: { reload: () => void };
  };
  target.sessionStorage = window.sessionStorage;
  target.location = { reload: vi.fn() };
  return target as unknown as Window & { location: { reload: ReturnType<typeof vi.fn> } };
}

function preloadError(): Event {
  return new Event('vite:preloadError', { cancelable: true });
}

describe('reloadOnStaleChunk', () => {
  afterEach(() => window.sessionStorage.clear());

  it('reloads once when a lazy chunk fails, and not again within a minute', () => {
    const target = fakeWindow();
    let clock = 1_000_000;
    const stop = reloadOnStaleChunk(target, () => clock);

    const first = preloadError();
    target.dispatchEvent(first);
    expect(target.location.reload).toHaveBeenCalledTimes(1);
    expect(first.defaultPrevented).toBe(true);
    expect(window.sessionStorage.getItem(RELOADED_AT_KEY)).toBe('1000000');

    clock += 59_999;
    const second = preloadError();
    target.dispatchEvent(second);
    expect(target.location.reload).toHaveBeenCalledTimes(1);
    expect(second.defaultPrevented).toBe(false);

    clock += 1;
    target.dispatchEvent(preloadError());
    expect(target.location.reload).toHaveBeenCalledTimes(2);
    stop();
  });

  it('stops listening when asked', () => {
    const target = fakeWindow();
    reloadOnStaleChunk(target, () => 5_000_000)();
    target.dispatchEvent(preloadError());
    expect(target.location.reload).not.toHaveBeenCalled();
  });
});
