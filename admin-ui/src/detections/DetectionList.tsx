import InsertDriveFileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import ShieldIcon from '@mui/icons-material/ShieldOutlined';
import { Box, Tooltip, Typography } from '@mui/material';
import {
  BulkExportButton,
  DataTable,
  ExportButton,
  FilterButton,
  List,
  TopToolbar,
  downloadCSV,
  type Exporter,
} from 'react-admin';
import { ActionChip, OutcomeChip, SeverityChip } from '../common/chips';
import { EmptyState } from '../common/EmptyState';
import { RecordLink } from '../common/RecordLink';
import { ago, channelLabel, dateTime, userLabel } from '../common/format';
import type { Detection } from '../graphql/types';
import { useLiveDetections } from '../layout/LiveDetections';
import { MONO } from '../theme';
import { detectionsCsv } from './detection-csv';
import { detectionFilters } from './DetectionFilters';

const Col = DataTable.Col<Detection>;

/** The list's current filter and sort, up to the export limit, masked fields only. */
const exportDetections: Exporter<Detection> = (records) =>
  downloadCSV(detectionsCsv(records), `leakshield-detections-${new Date().toISOString().slice(0, 10)}`);

function DetectionListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <ExportButton maxResults={5000} label="Export CSV" />
    </TopToolbar>
  );
}

function DetectionEmpty() {
  return (
    <EmptyState icon={<ShieldIcon />} title="No detections yet">
      When LeakShield finds sensitive data in a monitored Slack channel, it appears here within seconds.
    </EmptyState>
  );
}

function Where({ record }: { record: Detection }) {
  if (record.source === 'FILE') {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
        <InsertDriveFileIcon fontSize="inherit" color="action" />
        <Typography
          variant="body2"
          noWrap
          title={record.fileName ?? record.fileId ?? ''}
          sx={{ maxWidth: 180 }}
        >
          {record.fileName ?? record.fileId}
        </Typography>
      </Box>
    );
  }
  return (
    <Typography variant="body2" noWrap>
      {channelLabel(record.channelId)}{' '}
      <Typography component="span" variant="caption" color="text.secondary">
        {userLabel(record.userId)}
      </Typography>
    </Typography>
  );
}

/** Detections, newest first, with filters, sorting by time or severity, and CSV export of the masked fields. */
export function DetectionList() {
  const { fresh } = useLiveDetections();
  return (
    <List
      title="Detections"
      sort={{ field: 'detectedAt', order: 'DESC' }}
      perPage={25}
      filters={detectionFilters}
      actions={<DetectionListActions />}
      exporter={exportDetections}
      empty={<DetectionEmpty />}
      storeKey="detections.list"
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={<BulkExportButton label="Export selected" />}
        rowSx={(record) => (fresh.has(String(record.id)) ? { bgcolor: 'action.selected' } : {})}
      >
        <Col
          source="detectedAt"
          label="Detected"
          render={(r) => (
            <Tooltip title={dateTime(r.detectedAt)}>
              <Box component="time" dateTime={r.detectedAt} sx={{ whiteSpace: 'nowrap' }}>
                <RecordLink
                  resource="detections"
                  id={r.id}
                  type="show"
                  label={`${r.patternName} ${r.maskedMatch}, ${ago(r.detectedAt)}`}
                >
                  {ago(r.detectedAt)}
                </RecordLink>
              </Box>
            </Tooltip>
          )}
        />
        <Col source="severity" render={(r) => <SeverityChip value={r.severity} />} />
        <Col source="patternName" label="Pattern" disableSort />
        <Col
          source="maskedMatch"
          label="Match"
          disableSort
          render={(r) => (
            <Box component="code" sx={{ fontFamily: MONO, fontSize: 12.5, whiteSpace: 'nowrap' }}>
              {r.maskedMatch}
            </Box>
          )}
        />
        <Col label="Where" disableSort render={(r) => <Where record={r} />} />
        <Col source="action" disableSort render={(r) => <ActionChip value={r.action} />} />
        <Col
          source="outcome"
          disableSort
          render={(r) => <OutcomeChip value={r.outcome} error={r.outcomeError} />}
        />
      </DataTable>
    </List>
  );
}
