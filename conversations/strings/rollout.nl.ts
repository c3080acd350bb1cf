/** Rollout texts in Dutch. */
import type { rolloutEn } from './rollout.en';

export const rolloutNl: Record<keyof typeof rolloutEn, string> = {
  'rollout.refused.finished': 'Deze uitrol is afgerond; er kan niets meer worden gewijzigd.',
  'rollout.refused.not-operator':
    'Alleen de uitvoerders van deze uitrol en de eigenaar, {owner}, kunnen iets wijzigen.',
  'rollout.refused.owner-only': 'Alleen {owner}, die dit plan heeft geplaatst, kan de uitvoerders kiezen.',
  'rollout.refused.too-many-operators': 'Een uitrol kan hoogstens {max} uitvoerders hebben.',
  'rollout.refused.unknown-step': 'Dit plan heeft zo\'n stap niet. Misschien is de kaart verouderd.',
  'rollout.refused.waits-for-one':
    'Stap {step} moet wachten op stap {steps}: bevestig die eerst of sla die over.',
  'rollout.refused.waits-for-many':
    'Stap {step} moet wachten op de stappen {steps}: bevestig die eerst of sla ze over.',
  'rollout.refused.already-done': 'Stap {step} is al bevestigd. Maak dat eerst ongedaan om iets te wijzigen.',
  'rollout.refused.already-skipped':
    'Stap {step} is al overgeslagen. Maak dat eerst ongedaan om iets te wijzigen.',
  'rollout.refused.reason-missing': 'Geef een reden op om stap {step} over te slaan.',
  'rollout.refused.problem-note-missing': 'Beschrijf het probleem met stap {step}.',
  'rollout.refused.note-too-long': 'Die tekst is te lang: hoogstens {max} tekens, graag.',
  'rollout.refused.skip-protective.full-backup':
    'Stap {step} is uw weg terug: zonder deze back-up kan teruggaan naar de vorige versie betekenen dat u Exchange verwijdert zonder iets om de databases en de systeemstatus uit terug te zetten. Wilt u hem toch overslaan, sla stap {step} dan binnen {minutes} minuten nogmaals over, of typ "overslaan {step} toch <reden>". Er is niets vastgelegd.',
  'rollout.refused.skip-protective.full-backup-after':
    'Stap {step} geeft u een back-up van de bijgewerkte server: zonder die zijn uw nieuwste back-ups misschien back-ups die niet meer terug te zetten zijn. Wilt u hem toch overslaan, sla stap {step} dan binnen {minutes} minuten nogmaals over, of typ "overslaan {step} toch <reden>". Er is niets vastgelegd.',
  'rollout.refused.skip-protective.export-adc-schema-maps':
    'Stap {step} bewaart een kopie van msExchServer1SchemaMap en msExchServer2SchemaMap: zonder die is er niets om terug te zetten als de ADC-update ze wijzigt. Wilt u hem toch overslaan, sla stap {step} dan binnen {minutes} minuten nogmaals over, of typ "overslaan {step} toch <reden>". Er is niets vastgelegd.',
  'rollout.refused.nothing-to-undo': 'Bij stap {step} valt niets ongedaan te maken.',
  'rollout.refused.undo-not-yours':
    'Alleen {actor}, die stap {step} het laatst heeft gewijzigd, of de eigenaar, {owner}, kan dat ongedaan maken.',
  'rollout.refused.undo-dependents-one':
    'Stap {steps} hangt af van stap {step} en is al afgehandeld: maak eerst stap {steps} ongedaan.',
  'rollout.refused.undo-dependents-many':
    'De stappen {steps} hangen af van stap {step} en zijn al afgehandeld: maak die eerst ongedaan.',
  'rollout.command.usage':
    'Welke stap? Geef het nummer uit het plan, bijvoorbeeld "bevestig 3", "overslaan 4 <reden>", "probleem 5 <toelichting>" of "ongedaan 3". Er is niets vastgelegd.',
  'rollout.command.no-such-step':
    'Er is geen stap {number}: {title} ({ref}) heeft de stappen 1 tot en met {total}. Er is niets vastgelegd.',
  'rollout.command.no-rollout':
    'Er loopt {where} geen uitrol waarin u iets kunt afhandelen. Typ /exchange-sp om er een te plannen.',
  'rollout.note.yours': 'Uw tekst, om te kopiëren en opnieuw te gebruiken: {note}',
  'rollout.operators.usage':
    'Noem wie mag afhandelen, bijvoorbeeld "uitvoerders @alice @bob", of typ "uitvoerders iedereen" zodat iedereen {where} het mag. Er is niets gewijzigd.',
  'rollout.operators.unknown':
    'Ik weet niet wie {names} is: noem iedere persoon met @, zodat de naam een link wordt. Er is niets gewijzigd.',
  'rollout.operators.only-owner':
    'Als eigenaar mag u altijd zelf afhandelen: noem iemand anders, of typ "uitvoerders iedereen". Er is niets gewijzigd.',
  'rollout.operators.mixed':
    'Noem personen of zeg "iedereen", niet allebei. Er is niets gewijzigd.',
  'rollout.operators.too-many':
    'Dat zijn {count} personen, maar een uitrol kan hoogstens {max} uitvoerders hebben. Er is niets gewijzigd.',
};
