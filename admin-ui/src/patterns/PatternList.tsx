import PolicyIcon from '@mui/icons-material/PolicyOutlined';
import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { actionChoices, ActionChip, severityChoices, SeverityChip } from '../common/chips';
import { EmptyState } from '../common/EmptyState';
import { RecordLink } from '../common/RecordLink';
import { ago, dateTime } from '../common/format';
import type { Pattern } from '../graphql/types';
import { MONO } from '../theme';
import { PatternEnabledToggle } from './PatternEnabledToggle';

const Col = DataTable.Col<Pattern>;

const yesNo = (yes: string, no: string) => [
  { id: 'true', name: yes },
  { id: 'false', name: no },
];

const patternFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search patterns" />,
  <SelectInput
    key="enabled"
    source="enabled"
    label="State"
    choices={yesNo('Enabled', 'Disabled')}
    alwaysOn
  />,
  <SelectInput
    key="builtin"
    source="builtin"
    label="Origin"
    choices={yesNo('Built-in', 'Custom')}
    alwaysOn
  />,
  <SelectArrayInput key="severity" source="severity" choices={severityChoices} sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="action" source="action" choices={actionChoices} sx={{ minWidth: 160 }} />,
];

function PatternListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton label="New pattern" />
    </TopToolbar>
  );
}

function PatternEmpty() {
  return (
    <EmptyState
      icon={<PolicyIcon />}
      title="No patterns"
      action={<CreateButton label="New pattern" variant="contained" />}
    >
      Built-in detectors are seeded when LeakShield starts. Create a pattern for data specific to your
      company.
    </EmptyState>
  );
}

function PatternName({ record, canEdit }: { record: Pattern; canEdit: boolean }) {
  return (
    <Box sx={{ minWidth: 220 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        <RecordLink resource="patterns" id={record.id} type={canEdit ? 'edit' : 'show'}>
          {record.name}
        </RecordLink>
      </Typography>
      <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
        {record.builtin && (
          <Chip size="small" label="Built-in" variant="outlined" sx={{ height: 18, fontSize: 11 }} />
        )}
        {record.category && (
          <Typography variant="caption" color="text.secondary">
            {record.category}
          </Typography>
        )}
      </Stack>
    </Box>
  );
}

/** Patterns by name: inline enable switch, severity and action chips, built-in detectors marked. */
export function PatternList() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'patterns', action: 'edit' });
  return (
    <List
      title="Patterns"
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      filters={patternFilters}
      actions={<PatternListActions />}
      empty={<PatternEmpty />}
      exporter={false}
      storeKey="patterns.list"
    >
      <DataTable rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false}>
        <Col source="enabled" label="On" disableSort render={(r) => <PatternEnabledToggle record={r} />} />
        <Col
          source="name"
          disableSort
          render={(r) => <PatternName record={r} canEdit={canEdit === true} />}
        />
        <Col
          source="regex"
          disableSort
          render={(r) => (
            <Box
              component="code"
              title={r.regex}
              sx={{
                fontFamily: MONO,
                fontSize: 12,
                display: 'block',
                maxWidth: 240,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }}
            >
              {r.regex}
            </Box>
          )}
        />
        <Col source="severity" disableSort render={(r) => <SeverityChip value={r.severity} />} />
        <Col source="action" disableSort render={(r) => <ActionChip value={r.action} />} />
        <Col source="version" disableSort render={(r) => `v${r.version}`} />
        <Col
          source="updatedAt"
          label="Updated"
          disableSort
          render={(r) => (
            <Tooltip title={dateTime(r.updatedAt)}>
              <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                {ago(r.updatedAt)}
              </Box>
            </Tooltip>
          )}
        />
      </DataTable>
    </List>
  );
}
