/**
 * Cluster names typed before the topology is known, over the interview's history: back,
 * start over and cancel handle them; the state stays JSON and one saved before kept
 * names existed still loads.
 */
import { stepDialog } from '../../../src/interview/engine';
import type { DialogState } from '../../../src/interview/types';
import { choose, click, CTX, play } from './flatten';
import { E2K, playStored, post, posted } from './kept-names-play';

describe('back, start over and cancel', () => {
  test('start over forgets the kept names', () => {
    const p = playStored([
      ['2000 enterprise EXCH1 EXCH2', ["I'll use EXCH1, EXCH2 as the node names"]],
      ['start over', ['Starting over.', 'Which Exchange version'], {}],
      ['2000 enterprise a/p', ['What is the name of the active node', '!EXCH1'], { ...E2K, topology: 'active-passive' }],
    ]);
    expect(p.state?.keptNames).toBeUndefined();
    expect(p.state?.keptNamesHistory).toBeUndefined();
    const button = playStored([
      ['2000 enterprise EXCH1', ["I'll use EXCH1 as the node names"]],
      [click({ k: 'dialog', c: 'restart' }), ['Starting over.']],
      ['2000 enterprise a/p', ['What is the name of the active node', '!EXCH1']],
    ]);
    expect(button.state?.keptNames).toBeUndefined();
  });

  test('cancel ends the interview and a new one does not know the names', () => {
    playStored([
      ['2000 enterprise EXCH1 EXCH2', ["I'll use EXCH1, EXCH2 as the node names"]],
      ['cancel', ['Interview cancelled'], 'done'],
      ['2000 enterprise a/p', ['What is the name of the active node', '!EXCH1']],
    ]);
  });

  test('a new start with words starts without the kept names', () => {
    const begun = play([['2000 enterprise EXCH1 EXCH2', []]]).state;
    const r = stepDialog(begun, { type: 'start', text: '/exchange-sp 2000 enterprise a/p' }, CTX());
    expect(r.state?.keptNames).toBeUndefined();
    expect(r.state?.answers).toEqual({ ...E2K, topology: 'active-passive' });
  });

  test('back undoes the line that gave the names, and nothing is left of them', () => {
    const p = playStored([
      ['2000 enterprise EXCH1 EXCH2', ["I'll use EXCH1, EXCH2 as the node names"]],
      ['back', ['Which Exchange version', '!EXCH1'], {}],
      ['2000 enterprise a/p', ['What is the name of the active node', '!EXCH1']],
    ]);
    expect(p.state?.keptNames).toBeUndefined();
  });

  test('back after names typed alone forgets just those names', () => {
    const p = playStored([
      ['2000 enterprise', []],
      ['EXCH1 EXCH2', ["I'll use EXCH1, EXCH2 as the node names"], E2K],
      ['back', ['Is the Exchange server clustered?', '!EXCH1'], E2K],
      [choose('topology', 'active-passive'), ['What is the name of the active node']],
    ]);
    expect(p.state?.keptNames).toBeUndefined();
  });

  test('back after the topology used the names brings them back as kept, and says so', () => {
    playStored([
      ['2000 enterprise EXCH1 EXCH2', []],
      [choose('topology', 'active-passive'), ['active node EXCH1']],
      ['back', ["I'll use EXCH1, EXCH2 as the node names if it is a cluster.", 'Is the Exchange server clustered?'], E2K],
      [choose('topology', 'active-active'), ['node A EXCH1, node B EXCH2', 'virtual server that node A owns now']],
    ]);
  });

  test('back after "not clustered" dropped them brings them back too', () => {
    playStored([
      ['2000 enterprise EXCH1 EXCH2', []],
      ['not clustered', ["won't need the names"]],
      ['back', ["I'll use EXCH1, EXCH2 as the node names", 'Is the Exchange server clustered?'], E2K],
      ['a/p', ['active node EXCH1, passive node EXCH2']],
    ]);
  });
});

describe('the dialog state', () => {
  test('a state saved before kept names existed still loads, and back still works through it', () => {
    const old = {
      locale: 'en',
      answers: E2K,
      history: [{}, { version: '2000' }],
      stage: 'asking',
      operators: [],
      startedAt: '2024-11-20T10:00:00.000Z',
    } as DialogState;
    playStored([
      ['EXCH1 EXCH2', ["I'll use EXCH1, EXCH2 as the node names"], E2K],
      ['a/p', ['active node EXCH1, passive node EXCH2']],
      ['back', ["I'll use EXCH1, EXCH2 as the node names"], E2K],
      ['back', ['!node names', 'Is the Exchange server clustered?'], E2K],
      ['back', ['Which Exchange product', '!node names'], { version: '2000' }],
      ['back', ['Which Exchange version'], {}],
    ], 'en', old);
  });

  test('without kept names the state has no new fields', () => {
    const s = play([['2000 enterprise a/p EXCH1 EXCH2', []], ['back', []], ['5.5', []]]).state;
    expect(Object.keys(s ?? {}).sort()).toEqual(['answers', 'history', 'locale', 'operators', 'stage', 'startedAt']);
  });

  test('the engine stays pure with kept names', () => {
    const begun = play([['2000 enterprise EXCH1 EXCH2', []]]).state;
    const frozen = JSON.stringify(begun);
    const a = stepDialog(begun, { type: 'answer', question: 'topology', value: 'active-active' }, CTX());
    const b = stepDialog(begun, { type: 'answer', question: 'topology', value: 'active-active' }, CTX());
    expect(a).toEqual(b);
    expect(JSON.stringify(begun)).toBe(frozen);
  });
});
