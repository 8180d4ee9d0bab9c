import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** What a list shows when there is nothing yet: what will appear here, and how to make it appear. */
export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Box
      role="status"
      sx={{
        textAlign: 'center',
        py: 8,
        px: 2,
        mx: 'auto',
        maxWidth: 520,
        color: 'text.secondary',
        '& svg': { fontSize: 56, opacity: 0.5, mb: 1 },
      }}
    >
      {icon}
      <Typography variant="h6" color="text.primary" gutterBottom>
        {title}
      </Typography>
      {children && <Typography variant="body2">{children}</Typography>}
      {action && <Box sx={{ mt: 2 }}>{action}</Box>}
    </Box>
  );
}
