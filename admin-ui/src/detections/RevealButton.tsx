import VisibilityIcon from '@mui/icons-material/VisibilityOutlined';
import {
  Alert,
  Box,
  Button,
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
import { useCanAccess, useDataProvider, useNotify, useRecordContext } from 'react-admin';
import { HighlightedText } from '../common/HighlightedText';
import type { LeakShieldDataProvider } from '../data/data-provider';
import type { Detection } from '../graphql/types';

/**
 * Reveal for ADMIN and ANALYST keys: a confirmation (with an optional reason, recorded in ContentRevealed), then the
 * raw content in a dialog. The content lives in this component's state only: closing the dialog forgets it.
 */
export function RevealButton() {
  const record = useRecordContext<Detection>();
  const { canAccess } = useCanAccess({ resource: 'detections', action: 'reveal' });
  const dataProvider = useDataProvider<LeakShieldDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [step, setStep] = useState<'closed' | 'confirm' | 'shown'>('closed');
  const [reason, setReason] = useState('');
  const [content, setContent] = useState<string | null>(null);

  const reveal = useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      dataProvider.revealContent(input.id, input.reason.trim() || undefined),
    gcTime: 0,
    onSuccess: (raw) => {
      setContent(raw);
      setStep('shown');
      // The timeline now has a ContentRevealed event.
      void queryClient.invalidateQueries({ queryKey: ['detections', 'getOne'] });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });

  if (!record || !canAccess) return null;

  const close = () => {
    setStep('closed');
    setContent(null);
    setReason('');
    reveal.reset();
  };

  const button = (
    <Button
      variant="outlined"
      color="warning"
      startIcon={<VisibilityIcon />}
      onClick={() => setStep('confirm')}
      disabled={!record.contentAvailable}
    >
      Reveal
    </Button>
  );

  return (
    <>
      {record.contentAvailable ? (
        button
      ) : (
        <Tooltip title="The raw content was not stored for this detection, so it cannot be revealed.">
          <span>{button}</span>
        </Tooltip>
      )}
      <Dialog
        open={step === 'confirm'}
        onClose={close}
        aria-labelledby="reveal-title"
        maxWidth="sm"
        fullWidth
      >
        <DialogTitle id="reveal-title">Reveal the original content?</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            You will see the unmasked message, including the {record.patternName} match. The reveal is
            recorded in the audit log with your key and the reason below.
          </DialogContentText>
          <TextField
            label="Reason"
            placeholder="e.g. confirming a false positive reported by the author"
            fullWidth
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            color="warning"
            variant="contained"
            onClick={() => reveal.mutate({ id: String(record.id), reason })}
            disabled={reveal.isPending}
          >
            Reveal and record
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog
        open={step === 'shown'}
        onClose={close}
        aria-labelledby="revealed-title"
        maxWidth="md"
        fullWidth
      >
        <DialogTitle id="revealed-title">Original content</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            Sensitive. Do not copy it anywhere; it is hidden again when you close this dialog.
          </Alert>
          <Box data-testid="revealed-content">
            <HighlightedText text={content ?? ''} spans={[]} ariaLabel="Revealed content" />
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} variant="contained" autoFocus>
            Hide
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
