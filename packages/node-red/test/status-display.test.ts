// StatusDisplay: a status reaches Node-RED only when it differs from the one shown.
import { StatusDisplay } from '../src/runtime/status-display';
import { errorStatus, REQUESTING, successStatus } from '../src/runtime/status';
import type { NodeStatus } from '../src/runtime/status';

function displayed(): { display: StatusDisplay; shown: NodeStatus[] } {
  const shown: NodeStatus[] = [];
  return { display: new StatusDisplay({ status: (status) => shown.push(status) }), shown };
}

describe('StatusDisplay', () => {
  it('passes every change on, in order', () => {
    const { display, shown } = displayed();
    display.show(REQUESTING);
    display.show(successStatus(200));
    display.show(REQUESTING);
    display.show(errorStatus({ code: 'invalid_client', status: 401 }));
    expect(shown.map((status) => status.text)).toEqual([
      'requesting',
      '200',
      'requesting',
      '401 · invalid client',
    ]);
  });

  it('drops a repeat of the status already shown', () => {
    const { display, shown } = displayed();
    for (let i = 0; i < 5; i += 1) display.show(successStatus(200, 3));
    display.show(successStatus(200, 4));
    expect(shown.map((status) => status.text)).toEqual(['200 · 3 records', '200 · 4 records']);
  });

  it('tells statuses with the same text but another colour apart', () => {
    const { display, shown } = displayed();
    display.show({ fill: 'green', shape: 'dot', text: 'x' });
    display.show({ fill: 'red', shape: 'dot', text: 'x' });
    expect(shown).toHaveLength(2);
  });
});
