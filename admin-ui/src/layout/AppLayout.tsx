import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, TitlePortal, ToggleThemeButton } from 'react-admin';
import { AppMenu } from './AppMenu';
import { LiveDetectionsProvider } from './LiveDetections';
import { LiveIndicator } from './LiveIndicator';
import { ShieldLogo } from './ShieldLogo';

function LeakShieldAppBar() {
  return (
    <AppBar
      color="secondary"
      toolbar={
        <>
          <LiveIndicator />
          <ToggleThemeButton />
          <LoadingIndicator />
        </>
      }
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 2 }}>
        <ShieldLogo size={22} />
        <Typography variant="subtitle1" component="span" sx={{ fontWeight: 700, letterSpacing: 0.2 }}>
          LeakShield
        </Typography>
      </Box>
      <TitlePortal variant="subtitle1" sx={{ opacity: 0.8 }} />
    </AppBar>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <LiveDetectionsProvider>
      <Layout appBar={LeakShieldAppBar} menu={AppMenu}>
        {children}
      </Layout>
    </LiveDetectionsProvider>
  );
}
