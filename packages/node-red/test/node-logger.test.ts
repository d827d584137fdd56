// Core's log lines through the node: debug lines only when one of Node-RED's loggers prints them.
import { debugLogged, nodeLogger } from '../src/runtime/config-node';
import type { NodeInstance } from '../src/runtime/node-red-types';

function recordingNode(): { node: NodeInstance; lines: string[] } {
  const lines: string[] = [];
  const node = {
    debug: (message: string) => lines.push(`debug ${message}`),
    log: (message: string) => lines.push(`info ${message}`),
    warn: (message: string) => lines.push(`warn ${message}`),
  } as unknown as NodeInstance;
  return { node, lines };
}

describe('debugLogged', () => {
  it('is off with Node-RED’s default logging (info) or no logging setting', () => {
    expect(debugLogged({})).toBe(false);
    expect(debugLogged({ logging: { console: { level: 'info' } } })).toBe(false);
    expect(debugLogged({ logging: { console: {} } })).toBe(false);
  });

  it('is on when any logger prints debug or trace lines', () => {
    expect(debugLogged({ logging: { console: { level: 'debug' } } })).toBe(true);
    expect(
      debugLogged({ logging: { console: { level: 'warn' }, audit: { level: 'trace' } } }),
    ).toBe(true);
  });
});

describe('nodeLogger', () => {
  it('drops debug lines when nothing prints them, and keeps every other level', () => {
    const { node, lines } = recordingNode();
    const logger = nodeLogger(node, false);
    logger.debug('GET /me → 200');
    logger.info('store reachable');
    logger.warn('slow');
    logger.error('failed');
    expect(lines).toEqual(['info store reachable', 'warn slow', 'warn failed']);
  });

  it('passes debug lines on when a logger prints them', () => {
    const { node, lines } = recordingNode();
    nodeLogger(node, true).debug('GET /me → 200');
    expect(lines).toEqual(['debug GET /me → 200']);
  });
});
