import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import {
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
  Tooltip,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CreateButton, DataTable, List, TopToolbar, useDataProvider, useNotify } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { ago, dateTime } from '../common/format';
import type { LeakShieldDataProvider } from '../data/data-provider';
import type { ApiKey } from '../graphql/types';
import { MONO } from '../theme';

const Col = DataTable.Col<ApiKey>;

function RevokeButton({ record }: { record: ApiKey }) {
  const dataProvider = useDataProvider<LeakShieldDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => dataProvider.revokeApiKey(record.id, reason.trim() || undefined),
    onSuccess: () => {
      notify(`Key ${record.name} revoked`, { type: 'success' });
      setOpen(false);
      return queryClient.invalidateQueries({ queryKey: ['apiKeys'] });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (record.revokedAt) return null;
  return (
    <>
      <Button
        size="small"
        color="error"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        Revoke
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`revoke-${record.id}`}>
        <DialogTitle id={`revoke-${record.id}`}>Revoke “{record.name}”?</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            Requests with this key are refused at once, everywhere. This cannot be undone.
          </DialogContentText>
          <TextField
            label="Reason (recorded)"
            fullWidth
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} autoFocus>
            Cancel
          </Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => revoke.mutate()}
            disabled={revoke.isPending}
          >
            Revoke key
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function ApiKeyEmpty() {
  return (
    <EmptyState
      icon={<KeyIcon />}
      title="No API keys yet"
      action={<CreateButton label="New API key" variant="contained" />}
    >
      Create keys for the people who use this console (ANALYST, AUDITOR) and for integrations.
    </EmptyState>
  );
}

/** API keys (ADMIN): role, public prefix, last use; revoke in place. */
export function ApiKeyList() {
  return (
    <List
      title="API keys"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={50}
      pagination={false}
      exporter={false}
      empty={<ApiKeyEmpty />}
      actions={
        <TopToolbar>
          <CreateButton label="New API key" />
        </TopToolbar>
      }
    >
      <DataTable rowClick={false} bulkActionButtons={false}>
        <Col source="name" disableSort />
        <Col
          source="role"
          disableSort
          render={(r) => <Chip size="small" label={r.role} variant="outlined" />}
        />
        <Col
          source="prefix"
          label="Key"
          disableSort
          render={(r) => (
            <Tooltip title="Only the prefix is kept; the key itself was shown once.">
              <code style={{ fontFamily: MONO }}>{r.prefix}…</code>
            </Tooltip>
          )}
        />
        <Col source="createdAt" label="Created" disableSort render={(r) => dateTime(r.createdAt)} />
        <Col
          source="lastUsedAt"
          label="Last used"
          disableSort
          render={(r) => (r.lastUsedAt ? ago(r.lastUsedAt) : 'never')}
        />
        <Col
          label="Status"
          disableSort
          render={(r) =>
            r.revokedAt ? (
              <Chip size="small" label={`Revoked ${ago(r.revokedAt)}`} />
            ) : (
              <Chip size="small" color="success" variant="outlined" label="Active" />
            )
          }
        />
        <Col label="" disableSort render={(r) => <RevokeButton record={r} />} />
      </DataTable>
    </List>
  );
}
