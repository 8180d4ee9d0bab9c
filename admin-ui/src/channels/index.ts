import ChannelIcon from '@mui/icons-material/Tag';
import { lazy } from 'react';

const ChannelMonitoringEdit = lazy(() =>
  import('./ChannelMonitoringEdit').then((m) => ({ default: m.ChannelMonitoringEdit })),
);

/** Channel monitoring is one setting: its list route is the form. */
export const channels = {
  list: ChannelMonitoringEdit,
  icon: ChannelIcon,
  options: { label: 'Channels' },
};
