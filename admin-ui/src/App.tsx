import { Admin, Resource } from 'react-admin';
import { BrowserRouter } from 'react-router-dom';
import { apiKeys } from './apiKeys';
import { auditEvents } from './auditEvents';
import { authProvider } from './auth/auth-provider';
import { channels } from './channels';
import { Dashboard } from './dashboard/Dashboard';
import { createDataProvider } from './data/data-provider';
import { detections } from './detections';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './login/LoginPage';
import { patterns } from './patterns';
import { darkTheme, lightTheme } from './theme';

const dataProvider = createDataProvider();

/**
 * The console: served by the API under /admin/ (real paths, the API answers deep links with the page).
 * Location changes are urgent updates, not transitions: react-admin's sign-out redirect resets its query cache in
 * the same tick, and a transition would keep being interrupted by that reset (the login page never committed and
 * the sign-out repeated; react-admin issue #10764).
 */
export function App() {
  return (
    <BrowserRouter basename="/admin" useTransitions={false}>
      <Admin
        title="LeakShield"
        dataProvider={dataProvider}
        authProvider={authProvider}
        loginPage={LoginPage}
        layout={AppLayout}
        dashboard={Dashboard}
        theme={lightTheme}
        darkTheme={darkTheme}
        defaultTheme="light"
        requireAuth
        disableTelemetry
      >
        <Resource name="detections" {...detections} />
        <Resource name="patterns" {...patterns} />
        <Resource name="auditEvents" {...auditEvents} />
        <Resource name="channels" {...channels} />
        <Resource name="apiKeys" {...apiKeys} />
      </Admin>
    </BrowserRouter>
  );
}
