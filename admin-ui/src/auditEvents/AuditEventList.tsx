import HistoryEduIcon from '@mui/icons-material/HistoryEduOutlined';
import SwapVertIcon from '@mui/icons-material/SwapVert';
import { Box, Button, Card } from '@mui/material';
import {
  DateInput,
  FilterButton,
  InfiniteList,
  SelectArrayInput,
  TextInput,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import type { AuditEvent } from '../graphql/types';
import { AuditIntegrityCheck } from './AuditIntegrityCheck';
import { AuditTimeline } from './AuditEventItem';
import { EVENT_TYPES } from './events/event-views';

const auditFilters = [
  <SelectArrayInput
    key="types"
    source="types"
    label="Event types"
    choices={EVENT_TYPES.map((t) => ({ id: t, name: t }))}
    alwaysOn
    sx={{ minWidth: 220 }}
  />,
  <TextInput key="streamId" source="streamId" label="Stream" helperText={false} sx={{ minWidth: 340 }} />,
  <TextInput
    key="actor"
    source="actor"
    label="Actor"
    placeholder="api_key:<id>, system"
    helperText={false}
  />,
  <DateInput key="from" source="from" label="From" />,
  <DateInput key="to" source="to" label="To" />,
];

function SortToggle() {
  const { sort, setSort } = useListContext();
  const newestFirst = sort.order === 'DESC';
  return (
    <Button
      size="small"
      startIcon={<SwapVertIcon />}
      onClick={() => setSort({ field: 'position', order: newestFirst ? 'ASC' : 'DESC' })}
    >
      {newestFirst ? 'Newest first' : 'Oldest first'}
    </Button>
  );
}

function AuditActions() {
  return (
    <TopToolbar>
      <SortToggle />
      <FilterButton />
    </TopToolbar>
  );
}

function AuditEmpty() {
  return (
    <EmptyState icon={<HistoryEduIcon />} title="No audit events match">
      Every scan, detection, action and change is recorded here as it happens.
    </EmptyState>
  );
}

function AuditTimelineContent() {
  const { data, isPending, filterValues, setFilters } = useListContext<AuditEvent>();
  if (isPending) return null;
  if (!data || data.length === 0) return <AuditEmpty />;
  return (
    <Box sx={{ px: 2 }}>
      <AuditTimeline
        events={data}
        showStream
        filters={{
          byStream: (streamId) => setFilters({ ...filterValues, streamId }),
          byActor: (actor) => setFilters({ ...filterValues, actor }),
        }}
      />
    </Box>
  );
}

/**
 * The audit log as an infinite timeline (newest first; more loads as you scroll), with type, stream, actor and
 * date filters, each event's JSON behind its disclosure button, and the integrity check on top.
 */
export function AuditEventList() {
  return (
    <Box>
      <Box sx={{ mt: 2 }}>
        <AuditIntegrityCheck />
      </Box>
      <InfiniteList
        title="Audit log"
        sort={{ field: 'position', order: 'DESC' }}
        perPage={50}
        filters={auditFilters}
        actions={<AuditActions />}
        exporter={false}
        empty={false}
        component={Card}
        storeKey="auditEvents.list"
      >
        <AuditTimelineContent />
      </InfiniteList>
    </Box>
  );
}
