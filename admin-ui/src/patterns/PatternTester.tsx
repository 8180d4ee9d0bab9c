import ScienceIcon from '@mui/icons-material/ScienceOutlined';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  LinearProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useDataProvider } from 'react-admin';
import { HighlightedText } from '../common/HighlightedText';
import { useDebounced } from '../common/use-debounced';
import { fieldErrors } from '../graphql/field-errors';
import type { LeakShieldDataProvider } from '../data/data-provider';
import { toPatternInput } from '../data/pattern-input';
import type { PatternInput } from '../graphql/types';
import { MONO } from '../theme';

const DEBOUNCE_MS = 300;
const TESTER_ERROR = 'tester';

/**
 * The live tester beside the pattern form: sample text in, matches highlighted as you type (through the API's
 * `testPattern`, the same RE2 engine and validators the worker uses; nothing is stored). Problems with the
 * definition, such as a regex RE2 rejects, are shown at their fields while typing.
 */
export function PatternTester({ initialSample = '' }: { initialSample?: string }) {
  const dataProvider = useDataProvider<LeakShieldDataProvider>();
  const values = useWatch();
  const { setError, clearErrors, getFieldState } = useFormContext();
  const [sample, setSample] = useState(initialSample);

  const input = useMemo(() => {
    const definition = toPatternInput(values);
    // The tester runs before the name is typed; the API requires one.
    return { ...definition, name: definition.name || 'Untitled pattern' };
  }, [values]);
  // Debounced as a string: equal content is an equal key, so re-renders do not restart the timer or the query.
  const current = JSON.stringify({ input, sample });
  const requestKey = useDebounced(current, DEBOUNCE_MS);
  const request = useMemo(
    () => JSON.parse(requestKey) as { input: PatternInput; sample: string },
    [requestKey],
  );
  const hasRegex = request.input.regex.trim() !== '';

  const result = useQuery({
    queryKey: ['patterns', 'testPattern', requestKey],
    queryFn: ({ signal }) => dataProvider.testPattern(request.input, [request.sample], signal),
    enabled: hasRegex,
    placeholderData: keepPreviousData,
    gcTime: 30_000,
    retry: false,
  });

  // Errors from the tester go to their fields; they are lifted again when the definition is valid.
  const shown = useRef<string[]>([]);
  const data = hasRegex ? result.data : undefined;
  useEffect(() => {
    const errors = data && !data.valid ? fieldErrors(data.errors) : {};
    for (const path of shown.current) {
      if (!(path in errors) && getFieldState(path).error?.type === TESTER_ERROR) clearErrors(path);
    }
    for (const [path, message] of Object.entries(errors)) {
      if (path !== 'name') setError(path, { type: TESTER_ERROR, message });
    }
    shown.current = Object.keys(errors);
  }, [data, setError, clearErrors, getFieldState]);

  const findings = data?.valid ? (data.samples[0]?.findings ?? []) : [];
  const typing = result.isFetching || requestKey !== current;

  return (
    <Card
      variant="outlined"
      sx={{ position: { lg: 'sticky' }, top: { lg: 72 } }}
      data-testid="pattern-tester"
    >
      <CardHeader
        avatar={<ScienceIcon color="primary" />}
        title="Live tester"
        subheader="Paste sample text: matches are highlighted as you type. Nothing is stored."
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
      />
      <Box sx={{ height: 4 }}>{typing && hasRegex ? <LinearProgress aria-label="Testing" /> : null}</Box>
      <CardContent>
        <TextField
          label="Sample text"
          multiline
          minRows={5}
          maxRows={12}
          fullWidth
          value={sample}
          onChange={(e) => setSample(e.target.value)}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: MONO, fontSize: 13 } } }}
        />
        <Box sx={{ mt: 2 }} aria-live="polite">
          {!hasRegex ? (
            <Typography variant="body2" color="text.secondary">
              Write a regex to start testing.
            </Typography>
          ) : result.isError ? (
            <Alert severity="error">{(result.error as Error).message}</Alert>
          ) : data && !data.valid ? (
            <Alert severity="error" data-testid="tester-invalid">
              {data.errors.map((e) => e.message).join(' · ')}
            </Alert>
          ) : data && sample.trim() === '' ? (
            <Typography variant="body2" color="text.secondary">
              The regex is valid. Paste sample text above to see what it matches.
            </Typography>
          ) : data ? (
            <>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                <Chip
                  size="small"
                  color={findings.length > 0 ? 'warning' : 'default'}
                  label={findings.length === 1 ? '1 match' : `${findings.length} matches`}
                  data-testid="tester-count"
                />
                {findings.length === 0 && sample.trim() !== '' && (
                  <Typography variant="caption" color="text.secondary">
                    Nothing in the sample matches (validators, context words and allowlists apply).
                  </Typography>
                )}
              </Stack>
              {sample !== '' && (
                <HighlightedText
                  text={request.sample}
                  spans={findings.map((f) => ({
                    start: f.start,
                    end: f.end,
                    label: `${f.maskedMatch} · confidence ${Math.round(f.confidence * 100)}%`,
                  }))}
                  ariaLabel="Sample with matches highlighted"
                />
              )}
              {findings.length > 0 && (
                <Box component="ul" sx={{ pl: 2.5, mb: 0, mt: 1 }}>
                  {findings.map((f, i) => (
                    <Typography component="li" variant="caption" key={i}>
                      line {f.line}, column {f.column}:{' '}
                      <Box component="code" sx={{ fontFamily: MONO }}>
                        {f.maskedMatch}
                      </Box>{' '}
                      ({Math.round(f.confidence * 100)}%)
                    </Typography>
                  ))}
                </Box>
              )}
            </>
          ) : null}
        </Box>
      </CardContent>
    </Card>
  );
}
