import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Avatar, Box, Collapse, IconButton, Link, Stack, Tooltip, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { actorLabel, ago, dateTime } from '../common/format';
import type { AuditEvent } from '../graphql/types';
import { MONO } from '../theme';
import { viewOf } from './events/event-views';

/**
 * One audit event on a timeline: icon by type, what happened (the type's own component), who and when, and the
 * recorded JSON (payload and metadata) behind a disclosure button.
 */
/** Narrows a timeline to one stream or one actor (the audit log's filters), when the timeline offers it. */
export interface TimelineFilters {
  byStream?: (streamId: string) => void;
  byActor?: (actor: string) => void;
}

function FilterLink({ onClick, title, children }: { onClick?: () => void; title: string; children: string }) {
  if (!onClick) return <>{children}</>;
  return (
    <Tooltip title={title} describeChild>
      <Link
        component="button"
        type="button"
        variant="inherit"
        color="inherit"
        underline="hover"
        onClick={onClick}
      >
        {children}
      </Link>
    </Tooltip>
  );
}

export function AuditEventItem({
  event,
  showStream = false,
  filters = {},
}: {
  event: AuditEvent;
  showStream?: boolean;
  filters?: TimelineFilters;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const { icon, tone, Summary } = viewOf(event.type);
  return (
    <Box
      component="li"
      sx={{ display: 'flex', gap: 1.5, py: 1.25, listStyle: 'none' }}
      data-event-type={event.type}
    >
      <Avatar
        sx={{
          width: 32,
          height: 32,
          bgcolor: tone === 'default' ? 'action.selected' : `${tone}.main`,
          color: tone === 'default' ? 'text.secondary' : `${tone}.contrastText`,
          '& svg': { fontSize: 18 },
        }}
      >
        {icon}
      </Avatar>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
            {event.type}
          </Typography>
          <Tooltip title={dateTime(event.occurredAt)}>
            <Typography variant="caption" color="text.secondary" component="time" dateTime={event.occurredAt}>
              {ago(event.occurredAt)}
            </Typography>
          </Tooltip>
          <Typography variant="caption" color="text.secondary">
            by{' '}
            <FilterLink
              title="Only this actor's events"
              onClick={filters.byActor ? () => filters.byActor?.(event.actor) : undefined}
            >
              {actorLabel(event.actor)}
            </FilterLink>
          </Typography>
          <Typography variant="caption" color="text.disabled" sx={{ fontFamily: MONO }}>
            #{event.position}
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ mt: 0.25, '& code': { fontFamily: MONO, fontSize: 12.5 } }}>
          <Summary event={event} />
        </Typography>
        {showStream && (
          <Typography
            variant="caption"
            color="text.secondary"
            sx={{ fontFamily: MONO, wordBreak: 'break-all' }}
          >
            <FilterLink
              title="Only this stream's events"
              onClick={filters.byStream ? () => filters.byStream?.(event.streamId) : undefined}
            >
              {event.streamId}
            </FilterLink>{' '}
            · v{event.streamVersion}
          </Typography>
        )}
        <Collapse in={open} id={panelId} unmountOnExit>
          <Box
            component="pre"
            sx={{
              fontFamily: MONO,
              fontSize: 12,
              bgcolor: 'action.hover',
              p: 1.5,
              mt: 1,
              borderRadius: 1,
              overflow: 'auto',
              maxHeight: 320,
            }}
          >
            {JSON.stringify({ data: event.data, metadata: event.metadata, hash: event.hash }, null, 2)}
          </Box>
        </Collapse>
      </Box>
      <Tooltip title={open ? 'Hide the recorded JSON' : 'Show the recorded JSON'}>
        <IconButton
          size="small"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={open ? 'Hide JSON payload' : 'Show JSON payload'}
          sx={{
            alignSelf: 'flex-start',
            transform: open ? 'rotate(180deg)' : 'none',
            transition: 'transform .2s',
          }}
        >
          <ExpandMoreIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
}

/** A vertical timeline of events, in the order given. */
export function AuditTimeline({
  events,
  showStream = false,
  filters,
}: {
  events: AuditEvent[];
  showStream?: boolean;
  filters?: TimelineFilters;
}) {
  return (
    <Box component="ol" sx={{ m: 0, p: 0, '& > li + li': { borderTop: 1, borderColor: 'divider' } }}>
      {events.map((event) => (
        <AuditEventItem key={event.id} event={event} showStream={showStream} filters={filters} />
      ))}
    </Box>
  );
}
