import { Menu } from 'react-admin';

/** Dashboard first, then the resources the key may open (react-admin hides the others through canAccess). */
export function AppMenu() {
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
    </Menu>
  );
}
