import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './addressPolicy.ts';

describe('the private-address policy', () => {
  it('blocks loopback, private, link-local, unspecified, CGNAT and their IPv6 forms', () => {
    for (const a of [
      '127.0.0.1',
      '127.1.2.3',
      '10.0.0.5',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '100.127.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '::ffff:10.1.2.3',
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
  });

  it('lets public addresses through', () => {
    for (const a of [
      '8.8.8.8',
      '93.184.216.34',
      '100.128.0.1',
      '172.32.0.1',
      '2606:4700::1111',
      '::ffff:8.8.8.8',
    ]) {
      expect(isPrivateAddress(a), a).toBe(false);
    }
  });

  it('refuses what is not an address', () => {
    expect(isPrivateAddress('localhost')).toBe(true);
  });
});
