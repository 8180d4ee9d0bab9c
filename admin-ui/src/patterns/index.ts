import PatternIcon from '@mui/icons-material/PolicyOutlined';
import { lazy } from 'react';

const PatternList = lazy(() => import('./PatternList').then((m) => ({ default: m.PatternList })));
const PatternEdit = lazy(() => import('./PatternEdit').then((m) => ({ default: m.PatternEdit })));
const PatternCreate = lazy(() => import('./PatternCreate').then((m) => ({ default: m.PatternCreate })));
const PatternShow = lazy(() => import('./PatternShow').then((m) => ({ default: m.PatternShow })));

export const patterns = {
  list: PatternList,
  show: PatternShow,
  edit: PatternEdit,
  create: PatternCreate,
  icon: PatternIcon,
  options: { label: 'Patterns' },
  recordRepresentation: 'name',
};
