import { Create } from 'react-admin';
import { PatternForm } from './PatternForm';
import { usePatternSaved } from './use-pattern-saved';

const DEFAULTS = {
  severity: 'HIGH',
  action: 'ALERT',
  enabled: true,
  rejectPlaceholders: true,
  flags: { caseInsensitive: false, multiline: false, dotAll: false },
};

/** A new pattern, tested live before it is saved. */
export function PatternCreate() {
  return (
    <Create title="New pattern" mutationOptions={usePatternSaved()}>
      <PatternForm defaultValues={DEFAULTS} />
    </Create>
  );
}
