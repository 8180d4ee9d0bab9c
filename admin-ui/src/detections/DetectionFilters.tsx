import {
  AutocompleteInput,
  DateInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
} from 'react-admin';
import { actionChoices, outcomeChoices, severityChoices } from '../common/chips';

const sourceChoices = [
  { id: 'MESSAGE', name: 'Message' },
  { id: 'FILE', name: 'File' },
];

/** The detection list's filters; `q` searches pattern name, masked match, redacted content and file name. */
export const detectionFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search matches, content, files" />,
  <SelectArrayInput
    key="severity"
    source="severity"
    choices={severityChoices}
    alwaysOn
    sx={{ minWidth: 160 }}
  />,
  <SelectArrayInput
    key="action"
    source="action"
    label="Action"
    choices={actionChoices}
    sx={{ minWidth: 160 }}
  />,
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} />,
  <ReferenceInput key="patternId" source="patternId" reference="patterns">
    <AutocompleteInput
      label="Pattern"
      optionText="name"
      filterToQuery={(q: string) => ({ q })}
      sx={{ minWidth: 240 }}
    />
  </ReferenceInput>,
  <TextInput key="channelId" source="channelId" label="Channel id" />,
  <TextInput key="userId" source="userId" label="User id" />,
  <SelectInput key="source" source="source" choices={sourceChoices} />,
  <DateInput key="from" source="from" label="From" />,
  <DateInput key="to" source="to" label="To" />,
];
