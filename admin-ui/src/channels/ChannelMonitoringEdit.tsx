import { Alert, Box, Typography } from '@mui/material';
import {
  Edit,
  FormDataConsumer,
  RadioButtonGroupInput,
  SimpleForm,
  TextArrayInput,
  useCanAccess,
  useNotify,
  useRecordContext,
} from 'react-admin';
import { dateTime } from '../common/format';
import type { ChannelMonitoring } from '../graphql/types';
import { CHANNEL_MONITORING_ID } from '../data/resources/channels';

const MODES = [
  { id: 'ALL', name: 'All channels the app is in' },
  { id: 'INCLUDE', name: 'Only the channels listed' },
  { id: 'EXCLUDE', name: 'All channels except those listed' },
];

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

function validateChannelIds(ids: string[] | undefined, values: { mode?: string }) {
  if (values.mode === 'ALL' || !ids) return undefined;
  if (ids.length === 0) return 'List at least one channel id.';
  const bad = ids.filter((id) => !CHANNEL_ID.test(id.trim()));
  return bad.length > 0 ? `Not Slack channel ids: ${bad.join(', ')} (they look like C0123ABCD).` : undefined;
}

function LastChange() {
  const record = useRecordContext<ChannelMonitoring>();
  return (
    <Typography variant="caption" color="text.secondary">
      {record?.updatedAt
        ? `Last changed ${dateTime(record.updatedAt)}.`
        : 'Never changed: every channel is scanned.'}
    </Typography>
  );
}

/** Which Slack channels are scanned. Changes take effect for new messages and are recorded per channel. */
export function ChannelMonitoringEdit() {
  const { canAccess: canWrite } = useCanAccess({ resource: 'channels', action: 'edit' });
  const notify = useNotify();
  return (
    <Edit
      resource="channels"
      id={CHANNEL_MONITORING_ID}
      title="Monitored channels"
      mutationMode="pessimistic"
      redirect={false}
      actions={false}
      mutationOptions={{ onSuccess: () => notify('Monitored channels saved', { type: 'success' }) }}
    >
      <SimpleForm toolbar={canWrite ? undefined : false} sx={{ maxWidth: 720 }}>
        <Box sx={{ mb: 2 }}>
          <Typography variant="h6" component="h1">
            Monitored channels
          </Typography>
          <Typography variant="body2" color="text.secondary">
            LeakShield scans messages and files in these Slack channels. A change applies to messages received
            from then on, and each channel that changes is recorded in the audit log.
          </Typography>
        </Box>
        {!canWrite && (
          <Alert severity="info" sx={{ mb: 2 }}>
            Read-only: only ADMIN keys change which channels are monitored.
          </Alert>
        )}
        <RadioButtonGroupInput source="mode" choices={MODES} row={false} disabled={!canWrite} label="Scan" />
        <FormDataConsumer<{ mode?: string }>>
          {({ formData }) =>
            formData.mode !== 'ALL' ? (
              <TextArrayInput
                source="channelIds"
                label="Channel ids"
                helperText="Slack channel ids such as C0123ABCD; press Enter after each."
                validate={validateChannelIds}
                disabled={!canWrite}
                fullWidth
              />
            ) : null
          }
        </FormDataConsumer>
        <LastChange />
      </SimpleForm>
    </Edit>
  );
}
