/**
 * Cluster node and virtual server names (conversations/types.ts convention): NetBIOS
 * names, kept verbatim, each used once. NetBIOS names are case-insensitive, so
 * "exch1" and "EXCH1" are the same computer.
 */
import { NETBIOS_NAME, type Answers } from '../types';
import { msg, type Msg } from '../strings';
import { isCluster } from './availability';
import { NAME_SLOTS, type NameSlot, question } from './questions';

/** The name slots still open for this cluster, in the order bare names fill them. */
export function openNameSlots(a: Answers): NameSlot[] {
  if (!isCluster(a.topology)) return [];
  return NAME_SLOTS.filter((slot) => a[slot] === undefined && question(slot).applies(a));
}

/** The label key of a name slot, which depends on the topology (active node / node A...). */
export function slotLabelKey(slot: NameSlot, a: Answers) {
  const aa = a.topology === 'active-active';
  switch (slot) {
    case 'nodeA':
      return aa ? ('interview.label.nodeA.aa' as const) : ('interview.label.nodeA.ap' as const);
    case 'nodeB':
      return aa ? ('interview.label.nodeB.aa' as const) : ('interview.label.nodeB.ap' as const);
    case 'evsA':
      return aa ? ('interview.label.evsA.aa' as const) : ('interview.label.evsA.ap' as const);
    case 'evsB':
      return 'interview.label.evsB.aa' as const;
  }
}

/** How much of a refused name is quoted back: enough to recognise it, never a whole pasted page. */
const QUOTED_NAME_MAX = 40;

/** "<name> is not a valid name", quoting what was typed (the start of it, when it is long). */
export function badName(typed: string): Msg {
  const name = typed.length > QUOTED_NAME_MAX ? `${typed.slice(0, QUOTED_NAME_MAX)}…` : typed;
  return msg('interview.why.badName', { name });
}

/** Why `name` cannot fill `slot` given the other names, or undefined when it can. */
export function nameProblem(slot: NameSlot, name: string, a: Answers): Msg | undefined {
  if (!NETBIOS_NAME.test(name)) return badName(name);
  for (const other of NAME_SLOTS) {
    const used = a[other];
    if (other === slot || used === undefined || used.toLowerCase() !== name.toLowerCase()) continue;
    const bothNodes = slot.startsWith('node') && other.startsWith('node');
    const bothEvs = slot.startsWith('evs') && other.startsWith('evs');
    if (bothNodes) return msg('interview.why.sameNodes', { name });
    if (bothEvs) return msg('interview.why.sameEvs', { name });
    return msg('interview.why.evsIsNode', { name });
  }
  return undefined;
}
