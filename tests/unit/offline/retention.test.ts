import { describe, expect, it } from 'vitest';
import { BUILDS_KEPT, buildsAfterActivation, cachesToDelete } from '../../../src/offline/retention';
import { isAppShellCache } from '../../../src/privacy/clearData';

describe('service-worker cache retention across deploys', () => {
  it('keeps the current build and the one before it, oldest first', () => {
    expect(buildsAfterActivation([], 'a')).toEqual(['a']);
    expect(buildsAfterActivation(['a'], 'b')).toEqual(['a', 'b']);
    expect(buildsAfterActivation(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(buildsAfterActivation(['a', 'b'], 'b')).toEqual(['a', 'b']);
    expect(buildsAfterActivation(['a', 'b'], 'a')).toEqual(['b', 'a']);
    expect(buildsAfterActivation(['x', 'y', 'z'], 'w')).toHaveLength(BUILDS_KEPT);
  });

  it('deletes only build caches that are not kept, never the list or foreign caches', () => {
    const names = ['pipelens-a', 'pipelens-b', 'pipelens-c', 'pipelens-builds', 'other-cache'];
    expect(cachesToDelete(names, ['b', 'c'], 'pipelens-', 'pipelens-builds')).toEqual(['pipelens-a']);
  });

  it('"clear all data" treats the build list as part of the app shell (it holds no data)', () => {
    expect(isAppShellCache('pipelens-builds')).toBe(true);
  });
});
