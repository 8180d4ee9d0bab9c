import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import { lazy } from 'react';

const ApiKeyList = lazy(() => import('./ApiKeyList').then((m) => ({ default: m.ApiKeyList })));
const ApiKeyCreate = lazy(() => import('./ApiKeyCreate').then((m) => ({ default: m.ApiKeyCreate })));

export const apiKeys = {
  list: ApiKeyList,
  create: ApiKeyCreate,
  icon: KeyIcon,
  options: { label: 'API keys' },
};
