import DetectionIcon from '@mui/icons-material/GppMaybeOutlined';
import { lazy } from 'react';

// Screens load on first visit: the console's first load stays react-admin and the layout.
const DetectionList = lazy(() => import('./DetectionList').then((m) => ({ default: m.DetectionList })));
const DetectionShow = lazy(() => import('./DetectionShow').then((m) => ({ default: m.DetectionShow })));

export const detections = {
  list: DetectionList,
  show: DetectionShow,
  icon: DetectionIcon,
  options: { label: 'Detections' },
  recordRepresentation: 'patternName',
};
