import { Box, Divider, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  BooleanInput,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextArrayInput,
  TextInput,
  type SimpleFormProps,
} from 'react-admin';
import { actionChoices, severityChoices } from '../common/chips';
import { MONO } from '../theme';
import { PatternTester } from './PatternTester';

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ width: '100%' }}>
      <Typography variant="subtitle2" component="h2" sx={{ mt: 1 }}>
        {title}
      </Typography>
      {hint && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {hint}
        </Typography>
      )}
      {children}
    </Box>
  );
}

const mono = { '& textarea, & input': { fontFamily: MONO, fontSize: 13.5 } };

/**
 * The pattern form (create and edit): the rule, its policy, precision and scope on the left, the live tester on
 * the right. Field errors from the API (a regex RE2 rejects, an unknown validator) appear at their fields.
 */
export function PatternForm({ sample, ...props }: Omit<SimpleFormProps, 'children'> & { sample?: string }) {
  return (
    <SimpleForm {...props} mode="onBlur" reValidateMode="onChange">
      <Grid container spacing={3} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Stack spacing={1}>
            <Section title="Rule">
              <TextInput
                source="name"
                validate={required()}
                fullWidth
                helperText="Shown in notices as the kind of data found, never the data."
              />
              <TextInput source="description" multiline fullWidth />
              <TextInput
                source="regex"
                label="Regex (RE2)"
                validate={required()}
                multiline
                fullWidth
                sx={mono}
                helperText="RE2 syntax: no backreferences or lookaround, so every scan stays linear in time."
                slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' } }}
              />
              <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <BooleanInput source="flags.caseInsensitive" label="Case-insensitive" helperText={false} />
                <BooleanInput source="flags.multiline" label="^ and $ at line breaks" helperText={false} />
                <BooleanInput source="flags.dotAll" label=". matches newlines" helperText={false} />
              </Stack>
              <Stack direction="row" spacing={2}>
                <TextInput
                  source="secretGroup"
                  label="Secret group"
                  helperText="Capture group holding the secret (number or name); empty: whole match."
                  sx={{ flex: 1 }}
                />
                <TextInput
                  source="validator"
                  helperText="luhn, iban, us-ssn, aba-routing, github-token, jwt, …"
                  sx={{ flex: 1 }}
                />
              </Stack>
            </Section>
            <Divider />
            <Section title="Policy" hint="The strictest action of all matches in a message wins.">
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <SelectInput
                  source="severity"
                  choices={severityChoices}
                  validate={required()}
                  sx={{ minWidth: 160 }}
                />
                <SelectInput
                  source="action"
                  choices={actionChoices}
                  validate={required()}
                  sx={{ minWidth: 160 }}
                />
                <BooleanInput source="enabled" label="Enabled" helperText={false} />
              </Stack>
            </Section>
            <Divider />
            <Section
              title="Precision"
              hint="Fewer false positives: context words, allowlists, placeholder and entropy checks."
            >
              <TextArrayInput
                source="context.words"
                label="Context words"
                helperText="Press Enter after each word."
                fullWidth
              />
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <NumberInput
                  source="context.window"
                  label="Window (characters)"
                  min={1}
                  max={10000}
                  sx={{ width: 200 }}
                />
                <BooleanInput source="context.required" label="Context word required" helperText={false} />
              </Stack>
              <TextArrayInput
                source="allowlist.values"
                label="Allowed values"
                helperText="Exact values never reported."
                fullWidth
              />
              <TextArrayInput
                source="allowlist.regexes"
                label="Allowed shapes (RE2)"
                helperText="A match of any of these is never reported."
                fullWidth
              />
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <BooleanInput
                  source="rejectPlaceholders"
                  label="Ignore placeholders (XXXX, <your-key>)"
                  helperText={false}
                />
                <NumberInput
                  source="minEntropy"
                  label="Minimum entropy (bits/char)"
                  min={0}
                  max={8}
                  step={0.1}
                  sx={{ width: 240 }}
                />
              </Stack>
            </Section>
            <Divider />
            <Section title="Channels" hint="Empty: every monitored channel.">
              <TextArrayInput
                source="channelScope.include"
                label="Only in channels"
                helperText="Channel ids, e.g. C0123ABCD."
                fullWidth
              />
              <TextArrayInput source="channelScope.exclude" label="Never in channels" fullWidth />
            </Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <PatternTester initialSample={sample} />
        </Grid>
      </Grid>
    </SimpleForm>
  );
}
