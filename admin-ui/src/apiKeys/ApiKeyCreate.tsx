import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  IconButton,
  InputAdornment,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Title, useDataProvider, useNotify, useRedirect } from 'react-admin';
import { roleChoices } from '../common/chips';
import type { LeakShieldDataProvider } from '../data/data-provider';
import type { Role } from '../graphql/types';
import { MONO } from '../theme';

const ROLE_HELP: Record<string, string> = {
  ADMIN: 'Everything, including patterns, channels and keys.',
  ANALYST: 'Reads everything and may reveal raw content.',
  AUDITOR: 'Reads everything; cannot reveal or change anything.',
  INTEGRATION: 'Detections, audit log and stats only: for a SIEM or a script.',
};

/**
 * A new API key. The key is shown once, here, and kept in this page's state only: it is not in the list's cache,
 * and leaving the page forgets it.
 */
export function ApiKeyCreate() {
  const dataProvider = useDataProvider<LeakShieldDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const redirect = useRedirect();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('ANALYST');
  const [copied, setCopied] = useState(false);

  const create = useMutation({
    mutationFn: () => dataProvider.createApiKey({ name: name.trim(), role }),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['apiKeys'] }),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  const created = create.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '') create.mutate();
  };

  const copy = async () => {
    if (!created) return;
    await navigator.clipboard.writeText(created.key);
    setCopied(true);
  };

  return (
    <Box sx={{ maxWidth: 640, mt: 2 }}>
      <Title title="New API key" />
      <Card>
        <CardContent>
          {created ? (
            <Stack spacing={2}>
              <Typography variant="h6" component="h1">
                Key “{created.apiKey.name}” created
              </Typography>
              <Alert severity="warning">
                Copy the key now: it is shown this once. LeakShield keeps only its hash and cannot show it
                again.
              </Alert>
              <TextField
                label={`${created.apiKey.role} key`}
                value={created.key}
                fullWidth
                slotProps={{
                  htmlInput: { readOnly: true, 'data-testid': 'new-api-key', style: { fontFamily: MONO } },
                  input: {
                    endAdornment: (
                      <InputAdornment position="end">
                        <Tooltip title={copied ? 'Copied' : 'Copy'}>
                          <IconButton onClick={() => void copy()} aria-label="Copy the key" edge="end">
                            {copied ? <CheckIcon color="success" /> : <ContentCopyIcon />}
                          </IconButton>
                        </Tooltip>
                      </InputAdornment>
                    ),
                  },
                }}
                onFocus={(e) => e.target.select()}
              />
              <Box>
                <Button variant="contained" onClick={() => redirect('list', 'apiKeys')}>
                  Done
                </Button>
              </Box>
            </Stack>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack spacing={2}>
                <Typography variant="h6" component="h1">
                  New API key
                </Typography>
                <TextField
                  label="Name"
                  required
                  autoFocus
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  helperText="Who or what uses it, e.g. “Dana (security analyst)” or “SIEM export”."
                  slotProps={{ htmlInput: { maxLength: 200 } }}
                />
                <TextField
                  select
                  label="Role"
                  value={role}
                  onChange={(e) => setRole(e.target.value as Role)}
                  helperText={ROLE_HELP[role]}
                >
                  {roleChoices.map((c) => (
                    <MenuItem key={c.id} value={c.id}>
                      {c.name}
                    </MenuItem>
                  ))}
                </TextField>
                <Stack direction="row" spacing={1}>
                  <Button type="submit" variant="contained" disabled={name.trim() === '' || create.isPending}>
                    Create key
                  </Button>
                  <Button onClick={() => redirect('list', 'apiKeys')}>Cancel</Button>
                </Stack>
              </Stack>
            </form>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
