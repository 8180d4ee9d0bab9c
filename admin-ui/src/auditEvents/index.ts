import AuditIcon from '@mui/icons-material/HistoryEduOutlined';
import { lazy } from 'react';

const AuditEventList = lazy(() => import('./AuditEventList').then((m) => ({ default: m.AuditEventList })));

/** The audit log: a list only (events are never edited; each one's JSON opens in place). */
export const auditEvents = {
  list: AuditEventList,
  icon: AuditIcon,
  options: { label: 'Audit log' },
};
