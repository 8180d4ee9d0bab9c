import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLogin } from 'react-admin';
import { ShieldLogo } from '../layout/ShieldLogo';

/** Sign-in with an API key (ADMIN, ANALYST or AUDITOR). The key stays in this tab's session storage only. */
export function LoginPage() {
  const login = useLogin();
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ apiKey });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Sign-in failed.');
      setBusy(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
        backgroundImage: 'radial-gradient(circle at 20% 20%, rgba(57,73,171,0.12), transparent 45%)',
      }}
    >
      <Card sx={{ width: 400, maxWidth: 'calc(100vw - 32px)' }} elevation={3}>
        <CardContent sx={{ p: 4 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 3 }}>
            <ShieldLogo size={36} />
            <Box>
              <Typography variant="h5" component="h1">
                LeakShield
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Data-loss prevention for Slack
              </Typography>
            </Box>
          </Box>
          <form onSubmit={submit} noValidate>
            <TextField
              label="API key"
              name="apiKey"
              type="password"
              autoComplete="off"
              autoFocus
              fullWidth
              required
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
              error={error !== null}
              helperText="An ADMIN, ANALYST or AUDITOR key. Kept for this tab only."
              slotProps={{
                htmlInput: { spellCheck: false, 'aria-describedby': error ? 'login-error' : undefined },
              }}
            />
            {error && (
              <Alert severity="error" id="login-error" sx={{ mt: 2 }} role="alert">
                {error}
              </Alert>
            )}
            <Button
              type="submit"
              variant="contained"
              fullWidth
              size="large"
              sx={{ mt: 3 }}
              disabled={busy || apiKey.trim() === ''}
              startIcon={busy ? <CircularProgress size={18} color="inherit" /> : <KeyIcon />}
            >
              Sign in
            </Button>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
}
