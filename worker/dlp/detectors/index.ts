import type { Action, PatternDefinition, Severity } from '../types';
import { cloudDetectors } from './cloud';
import { genericDetectors } from './generic';
import { identityDetectors } from './identity';
import { keyDetectors } from './keys';
import { paymentDetectors } from './payment';
import { saasDetectors } from './saas';

/**
 * The built-in detector library, seeded as ordinary patterns so admins can tune or disable each one.
 * Ids are stable: a finding, an audit event or an admin override refers to a detector by its id.
 */
export const builtinDetectors: readonly PatternDefinition[] = [
  ...paymentDetectors,
  ...identityDetectors,
  ...cloudDetectors,
  ...saasDetectors,
  ...keyDetectors,
  ...genericDetectors,
];

/** One line of the detector catalogue, for `leakshield detectors` and the console. */
export interface DetectorSummary {
  id: string;
  name: string;
  description: string;
  category: string;
  severity: Severity;
  action: Action;
}

/**
 * The built-in detectors as a catalogue, grouped by category in the order above.
 * @example detectorCatalogue()[0] → { id: 'card-visa', name: 'Visa card number', category: 'payment', … }
 */
export function detectorCatalogue(): DetectorSummary[] {
  return builtinDetectors.map((d) => ({
    id: d.id,
    name: d.name,
    description: d.description ?? '',
    category: d.category ?? 'other',
    severity: d.severity,
    action: d.action,
  }));
}
