import { defaultDarkTheme, defaultTheme, type RaThemeOptions } from 'react-admin';

// A calm, dense theme in the spirit of security consoles: neutral surfaces, one accent, colour kept for severity
// and outcome so that what needs attention stands out.
const shared: Partial<RaThemeOptions> = {
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: '"Inter", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
    h5: { fontWeight: 600 },
    h6: { fontWeight: 600 },
  },
  sidebar: { width: 220, closedWidth: 56 },
};

export const lightTheme: RaThemeOptions = {
  ...defaultTheme,
  ...shared,
  palette: {
    mode: 'light',
    primary: { main: '#3949ab' },
    secondary: { main: '#263238' },
    background: { default: '#f5f6f8', paper: '#ffffff' },
    error: { main: '#c62828' },
    warning: { main: '#ed6c02' },
    success: { main: '#2e7d32' },
  },
  components: {
    ...defaultTheme.components,
    MuiAppBar: { styleOverrides: { colorSecondary: { backgroundColor: '#1f2937', color: '#fff' } } },
    MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
    MuiChip: { styleOverrides: { root: { fontWeight: 600 } } },
  },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  ...shared,
  palette: {
    mode: 'dark',
    primary: { main: '#9fa8da' },
    secondary: { main: '#90a4ae' },
    background: { default: '#111418', paper: '#1a1e24' },
  },
  components: {
    ...defaultDarkTheme.components,
    MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
    MuiChip: { styleOverrides: { root: { fontWeight: 600 } } },
  },
};

/** Monospace for matches, regexes and ids. */
export const MONO = '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace';
