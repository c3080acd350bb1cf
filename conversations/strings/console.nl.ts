/** The console chat's own texts in Dutch. */
import type { consoleEn } from './console.en';

export const consoleNl: Record<keyof typeof consoleEn, string> = {
  'console.welcome': 'exchange-sp-consolechat. Typ uw antwoorden, of "help".',
  'console.example': 'Begin bijvoorbeeld met: 2000 enterprise actief/passief EXCH1 EXCH2 adc',
  'console.commands':
    'Tijdens een uitrol: bevestig N | overslaan N <reden> | probleem N <toelichting> | ongedaan N | toon | details N | gebruik #N | stand | exporteer [json] | stoppen',
  'console.resuming': 'Verder met uitrol {ref}:',
  'console.noRollout': 'Er loopt nog geen uitrol. Beantwoord de vragen om er een te plannen.',
  'console.unknownRollout': 'Uitrol {id} is hier niet bekend.',
  'console.exported': 'Opgeslagen in {file}',
  'console.ended':
    'De chat stopte voordat het plan was geplaatst. Uw antwoorden tot nu toe blijven bewaard: start de chat opnieuw om verder te gaan waar u was.',
  'console.hint.choice': 'Typ het nummer of het woord: {choices}',
  'console.hint.yesNo': 'Typ ja of nee (of 1 of 2).',
  'console.help.answers':
    'Typ het nummer van een keuze, of meerdere antwoorden tegelijk, bijvoorbeeld: 2000 enterprise actief/passief EXCH1 EXCH2 adc',
};
