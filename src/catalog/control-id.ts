import type { Standard } from '../config/config.js';
import { catalogOf, mapping2013To2022, type Control } from './catalog.js';

export type ControlIdResult =
  | { ok: true; id: string }
  /** `unknown`: no edition knows the id (it may be a control from another source). */
  | { ok: false; message: string; unknown?: true };

/** `A.5.1`, `A5.1`, `a.5.1`, `Annex A 5.1`, `Annex A.5.1`, ` 5.1 ` -> `5.1`; anything else unchanged. */
export function stripControlPrefix(raw: string): string {
  return raw
    .trim()
    .replace(/^annex\s+a\s*[.:]?\s*/i, '')
    .replace(/^a\.?\s*(?=\d)/i, '');
}

/**
 * Normalises a control id for one edition and checks that the catalogue has it. Knows the editions'
 * pitfall: a two-part `8.2` is a 2022 control but a 2013 control objective, and a three-part `5.1.1`
 * is a 2013 control that 2022 renumbered.
 */
export function resolveControlId(raw: string, standard: Standard): ControlIdResult {
  const id = stripControlPrefix(raw);
  const catalog = catalogOf(standard);
  if (catalog.get(id)) return { ok: true, id };
  if (standard === 'iso27001-2022') {
    const replacedBy = mapping2013To2022().to2022.get(id);
    if (replacedBy) {
      const list = replacedBy.map((c) => `${c} ${catalogOf('iso27001-2022').get(c)?.title ?? ''}`.trim()).join(', ');
      return { ok: false, message: `${raw} is an ISO/IEC 27001:2013 control; in ISO/IEC 27001:2022 it is ${list}` };
    }
  } else {
    const objective = catalog.objectives.get(id);
    if (objective) {
      const controls = catalog.controls.filter((c) => c.id.startsWith(`${id}.`)).map((c) => c.id);
      return { ok: false, message: `${raw} is a control objective of ISO/IEC 27001:2013 (${objective}), not a control; its controls are ${controls.join(', ')}` };
    }
    if (catalogOf('iso27001-2022').get(id) && !catalog.get(id)) {
      return { ok: false, message: `${raw} is not an ISO/IEC 27001:2013 control (it looks like a 2022 id; is "standard" right?)` };
    }
  }
  return { ok: false, message: `${raw} is not a control of ${catalog.name} Annex A`, unknown: true };
}

/**
 * The source of an SoA entry for a control that is not in Annex A (ISO/IEC 27001 6.1.3 b allows
 * controls from any source): `source: <text>`, with an id of its own; undefined for an Annex A entry.
 */
export function otherSourceOf(entry: Readonly<Record<string, unknown>>): string | undefined {
  const source = entry['source'];
  return typeof source === 'string' && source.trim() !== '' ? source.trim() : undefined;
}

/** What may stand before an Annex A id: "ISO27001", "ISO/IEC 27001:2022", "Annex A", "A", and separators. */
const ANNEX_A_PREFIX = /^(?:iso\s*(?:\/\s*iec)?\s*27001(?:\s*:\s*20(?:13|22))?|annex\s*a|a)(?![\p{L}])[\s.:_\-\u2010-\u2015]*/u;

/**
 * The Annex A control (of the SoA's edition, else of the other) that an id spells however it is
 * written: NFKC-normalised (full-width `５.１`), without "ISO27001", "ISO/IEC 27001:2022", "Annex A" or
 * "A" before it, parts separated by any of `.`, `-`, `_`, spaces, leading zeros and a trailing
 * separator ignored: `A-5.1`, `5.01`, `A.5.1.`, `ISO27001-5.1` are 5.1, `A.12.6.1` is 2013's 12.6.1.
 * Undefined for an id of one's own (`WW-1`, `CIS-5.1`).
 */
export function annexAControlSpelled(raw: string, standard: Standard): { standard: Standard; control: Control } | undefined {
  let rest = raw.normalize('NFKC').trim().toLowerCase();
  for (let stripped = rest.replace(ANNEX_A_PREFIX, ''); stripped !== rest; stripped = rest.replace(ANNEX_A_PREFIX, '')) rest = stripped;
  const parts = rest.split(/[\s.:_\-\u2010-\u2015]+/u).filter((part) => part !== '');
  if (parts.length < 2 || parts.length > 3 || !parts.every((part) => /^[0-9]{1,4}$/.test(part))) return undefined;
  const id = parts.map((part) => String(Number(part))).join('.');
  const other: Standard = standard === 'iso27001-2013' ? 'iso27001-2022' : 'iso27001-2013';
  for (const edition of [standard, other]) {
    const control = catalogOf(edition).get(id);
    if (control) return { standard: edition, control };
  }
  return undefined;
}
