import BlockIcon from '@mui/icons-material/Block';
import CampaignIcon from '@mui/icons-material/CampaignOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import ErrorIcon from '@mui/icons-material/ErrorOutline';
import EventIcon from '@mui/icons-material/EventNote';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import KeyOffIcon from '@mui/icons-material/KeyOff';
import AddIcon from '@mui/icons-material/AddCircleOutline';
import ChatIcon from '@mui/icons-material/ChatBubbleOutline';
import TagIcon from '@mui/icons-material/Tag';
import VisibilityIcon from '@mui/icons-material/VisibilityOutlined';
import WarningIcon from '@mui/icons-material/WarningAmber';
import ToggleOnIcon from '@mui/icons-material/ToggleOn';
import ToggleOffIcon from '@mui/icons-material/ToggleOff';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import HideSourceIcon from '@mui/icons-material/HideSource';
import type { ComponentType, ReactElement } from 'react';
import type { EventProps } from './event-props';
import * as access from './AccessEvents';
import * as actions from './ActionEvents';
import * as patterns from './PatternEvents';
import * as scans from './ScanEvents';

type Tone = 'default' | 'info' | 'success' | 'warning' | 'error' | 'primary';

/** How one event type looks on a timeline: its icon, its tone and the small component that tells it. */
export interface EventView {
  icon: ReactElement;
  tone: Tone;
  Summary: ComponentType<EventProps>;
}

const VIEWS: Record<string, EventView> = {
  MessageScanned: { icon: <ChatIcon />, tone: 'default', Summary: scans.MessageScanned },
  FileScanned: { icon: <DescriptionIcon />, tone: 'default', Summary: scans.FileScanned },
  LeakDetected: { icon: <WarningIcon />, tone: 'warning', Summary: scans.LeakDetected },
  ScanFailed: { icon: <ErrorIcon />, tone: 'error', Summary: scans.ScanFailed },
  MessageBlocked: { icon: <BlockIcon />, tone: 'success', Summary: actions.MessageBlocked },
  MessageRedacted: { icon: <HideSourceIcon />, tone: 'success', Summary: actions.MessageRedacted },
  FileBlocked: { icon: <BlockIcon />, tone: 'success', Summary: actions.FileBlocked },
  AlertSent: { icon: <CampaignIcon />, tone: 'info', Summary: actions.AlertSent },
  ActionFailed: { icon: <ErrorIcon />, tone: 'error', Summary: actions.ActionFailed },
  ContentRevealed: { icon: <VisibilityIcon />, tone: 'primary', Summary: access.ContentRevealed },
  ApiKeyCreated: { icon: <KeyIcon />, tone: 'default', Summary: access.ApiKeyCreated },
  ApiKeyRevoked: { icon: <KeyOffIcon />, tone: 'warning', Summary: access.ApiKeyRevoked },
  ChannelMonitoringChanged: { icon: <TagIcon />, tone: 'default', Summary: access.ChannelMonitoringChanged },
  SlackTokenRotated: { icon: <AutorenewIcon />, tone: 'default', Summary: access.SlackTokenRotated },
  PatternCreated: { icon: <AddIcon />, tone: 'primary', Summary: patterns.PatternCreated },
  PatternUpdated: { icon: <EditIcon />, tone: 'primary', Summary: patterns.PatternUpdated },
  PatternEnabled: { icon: <ToggleOnIcon />, tone: 'success', Summary: patterns.PatternEnabled },
  PatternDisabled: { icon: <ToggleOffIcon />, tone: 'default', Summary: patterns.PatternDisabled },
  PatternDeleted: { icon: <DeleteIcon />, tone: 'error', Summary: patterns.PatternDeleted },
};

/** The event types the audit log filter offers. */
export const EVENT_TYPES = Object.keys(VIEWS);

function Unknown({ event }: EventProps) {
  return <>{event.type}</>;
}

export function viewOf(type: string): EventView {
  return VIEWS[type] ?? { icon: <EventIcon />, tone: 'default', Summary: Unknown };
}
