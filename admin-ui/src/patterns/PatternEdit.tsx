import { Alert } from '@mui/material';
import { Edit, useRecordContext } from 'react-admin';
import type { Pattern } from '../graphql/types';
import { PatternForm } from './PatternForm';
import { PatternHistory } from './PatternHistory';
import { usePatternSaved } from './use-pattern-saved';

function PatternTitle() {
  const record = useRecordContext<Pattern>();
  return <>{record ? `${record.name} · v${record.version}` : 'Pattern'}</>;
}

function BuiltinNotice() {
  const record = useRecordContext<Pattern>();
  if (!record?.builtin) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      A built-in detector, seeded by LeakShield. Tune or disable it like any pattern; every change is
      recorded.
    </Alert>
  );
}

function EditHistory() {
  const record = useRecordContext<Pattern>();
  return record ? <PatternHistory id={String(record.id)} version={record.version} /> : null;
}

/**
 * Edits a pattern. Saves are pessimistic and carry the version that was opened, so a change made meanwhile by
 * someone else comes back as a conflict instead of being overwritten.
 */
export function PatternEdit() {
  return (
    <Edit title={<PatternTitle />} mutationMode="pessimistic" mutationOptions={usePatternSaved()}>
      <BuiltinNotice />
      <PatternForm />
      <EditHistory />
    </Edit>
  );
}
