import { restAfter, startsWithCommandName, withoutCommandName } from '../../conversations/command';
import { parseStepCommand } from '../../src/bot/step-words';
import { parseChannelCommand } from '../../src/bot/words';
import { operatorsCommandRest } from '../../conversations/interview/operators';

describe('the command name, taken off once for every parser', () => {
  it.each([
    ['/exchange-sp 2000 enterprise', '2000 enterprise'],
    ['exchange-sp confirm 3', 'confirm 3'],
    ['  Exchange-SP   status', 'status'],
    ['/confirm 3', 'confirm 3'],
    ['exchange-sp', ''],
    ['exchange-spx 2000', 'exchange-spx 2000'],
    ['exchange-sp-test 2000', 'exchange-sp-test 2000'],
  ])('%j reads as %j', (typed, rest) => {
    expect(withoutCommandName(typed)).toBe(rest);
  });

  it('knows the name only as a whole word at the start', () => {
    expect(startsWithCommandName('/exchange-sp')).toBe(true);
    expect(startsWithCommandName('exchange-sp 5.5')).toBe(true);
    expect(startsWithCommandName('exchange-spx')).toBe(false);
    expect(startsWithCommandName('run exchange-sp')).toBe(false);
  });

  it('restAfter reads the first word after the name, in any case', () => {
    expect(restAfter(['window'], '/exchange-sp Window 22:00-02:00')).toBe('22:00-02:00');
    expect(restAfter(['window'], 'window')).toBe('');
    expect(restAfter(['window'], 'windows 22:00')).toBeUndefined();
  });

  it('every parser reads a command the same with or without the name before it', () => {
    expect(parseStepCommand('exchange-sp confirm 3')).toEqual(parseStepCommand('confirm 3'));
    expect(parseStepCommand('/exchange-sp bevestig stap 2')).toMatchObject({ verb: 'confirm', number: '2' });
    expect(parseChannelCommand('/exchange-sp status')).toEqual(parseChannelCommand('status'));
    expect(operatorsCommandRest('exchange-sp operators @bob')).toBe('@bob');
    expect(operatorsCommandRest('exchange-sp status')).toBeUndefined();
  });
});
