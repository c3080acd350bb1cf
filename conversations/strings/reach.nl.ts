/** How people reach the bot, in Dutch (see reach.en.ts). */
import type { reachEn } from './reach.en';

export const reachNl: Record<keyof typeof reachEn, string> = {
  'reach.start.slack': 'typ /exchange-sp',
  'reach.start.teams': 'typ @ en mijn naam, daarna exchange-sp (in onze persoonlijke chat is exchange-sp genoeg)',
  'reach.start.console': 'typ exchange-sp',
  'reach.interview.elsewhere': '{user} maakt een plan voor {product} — ik heb u de vragen gestuurd in onze persoonlijke chat.',
  'reach.interview.someoneElses':
    'Dit is het gesprek van {owner}: alleen die kan de vragen beantwoorden, dus er is niets veranderd. Om zelf een uitrol te plannen: {start}.',
  'reach.privateChat.sent': 'Ik heb u mijn antwoord gestuurd in onze persoonlijke chat.',
  'reach.privateChat.unreachable':
    '{user}, mijn antwoord is alleen voor u, maar ik kon onze persoonlijke chat niet openen. Voeg mij één keer voor uzelf toe (in Teams: Apps, zoek op mijn naam, Toevoegen) en vraag het me daarna hier opnieuw: wat u al hebt beantwoord, blijft bewaard.',
  'reach.teams.status.none': 'Er lopen geen uitrollen {where}. Om er een te plannen: {start}.',
  'reach.teams.interview.ended': 'Dit gesprek is al afgelopen (het plan is geplaatst, of het is verlopen). Om opnieuw te beginnen: {start}.',
  'reach.teams.command.noRollout': 'Er loopt {where} geen uitrol waarin u iets kunt afhandelen. Om er een te plannen: {start}.',
  'reach.teams.error.cannotPost':
    'Ik kon het plan niet in het kanaal plaatsen ({error}): de app zit misschien niet meer in dat team of die chat. Voeg de app opnieuw toe en typ daar @ en mijn naam: uw antwoorden zijn bewaard, dus opnieuw plaatsen is één klik.',
  'reach.teams.error.postFailed':
    'Het plan kwam zojuist niet door ({error}), dus het is mogelijk niet geplaatst. Typ zo meteen @ en mijn naam in het kanaal: uw antwoorden zijn bewaard, dus opnieuw plaatsen is één klik.',
};
