import { Box, Tooltip, Typography } from '@mui/material';
import { useLiveDetections } from './LiveDetections';

const LOOK = {
  live: { colour: '#4caf50', label: 'Live', hint: 'New detections appear as they happen.' },
  connecting: { colour: '#ffb300', label: 'Connecting', hint: 'Connecting to live updates…' },
  polling: {
    colour: '#90a4ae',
    label: 'Polling',
    hint: 'Live updates are unavailable; refreshing every 10 seconds.',
  },
} as const;

/** A dot in the app bar that says whether new detections are pushed, being connected, or polled. */
export function LiveIndicator() {
  const { status } = useLiveDetections();
  const look = LOOK[status];
  return (
    <Tooltip title={look.hint}>
      <Box
        role="status"
        aria-label={`Live updates: ${look.label}`}
        tabIndex={0}
        sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mx: 1.5, opacity: 0.9 }}
      >
        <Box sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: look.colour }} />
        <Typography variant="caption" sx={{ display: { xs: 'none', sm: 'block' } }}>
          {look.label}
        </Typography>
      </Box>
    </Tooltip>
  );
}
