// Every operation the console sends, in one place, so a schema change is one search away.

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

export const AUDIT_EVENT_FIELDS = `
  id position type streamId streamVersion occurredAt recordedAt actor data metadata hash`;

export const DETECTION_FIELDS = `
  id source teamId channelId userId messageTs threadTs fileId fileName patternId patternName patternVersion
  severity action outcome outcomeError confidence maskedMatch redactedContent line column contentAvailable
  revealCount detectedAt`;

export const PATTERN_FIELDS = `
  id name description regex flags { caseInsensitive multiline dotAll } secretGroup validator
  context { words window required } allowlist { values regexes } rejectPlaceholders minEntropy severity action
  enabled builtin category channelScope { include exclude } version createdAt updatedAt`;

const API_KEY_FIELDS = 'id name role prefix createdAt revokedAt lastUsedAt';
const USER_ERRORS = 'userErrors { field message code }';

export const ME = 'query Me { me { keyId name role permissions } }';

export const DETECTIONS = `
  query Detections($first: Int, $after: String, $last: Int, $before: String, $filter: DetectionFilter,
                   $orderBy: DetectionOrder) {
    detections(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { ${DETECTION_FIELDS} } } ${PAGE_INFO} totalCount
    }
  }`;

/** The same page as DETECTIONS with cursors only: walking to a deep page costs little. */
export const DETECTION_CURSORS = `
  query DetectionCursors($first: Int, $after: String, $filter: DetectionFilter, $orderBy: DetectionOrder) {
    detections(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { edges { cursor } ${PAGE_INFO} }
  }`;

export const DETECTION = `
  query Detection($id: ID!) {
    detection(id: $id) { ${DETECTION_FIELDS} events { ${AUDIT_EVENT_FIELDS} } }
  }`;

export const PATTERNS = `
  query Patterns($first: Int, $after: String, $last: Int, $before: String, $filter: PatternFilter) {
    patterns(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      edges { cursor node { ${PATTERN_FIELDS} } } ${PAGE_INFO} totalCount
    }
  }`;

export const PATTERN_CURSORS = `
  query PatternCursors($first: Int, $after: String, $filter: PatternFilter) {
    patterns(first: $first, after: $after, filter: $filter) { edges { cursor } ${PAGE_INFO} }
  }`;

export const PATTERN = `query Pattern($id: ID!) { pattern(id: $id) { ${PATTERN_FIELDS} } }`;

export const PATTERN_HISTORY = `
  query PatternHistory($id: ID!, $first: Int, $after: String) {
    pattern(id: $id) {
      id history(first: $first, after: $after) { edges { cursor node { ${AUDIT_EVENT_FIELDS} } } ${PAGE_INFO} }
    }
  }`;

export const AUDIT_EVENTS = `
  query AuditEvents($first: Int, $after: String, $last: Int, $before: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      edges { cursor node { ${AUDIT_EVENT_FIELDS} } } ${PAGE_INFO}
    }
  }`;

export const AUDIT_EVENT_CURSORS = `
  query AuditEventCursors($first: Int, $after: String, $last: Int, $before: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      edges { cursor } ${PAGE_INFO}
    }
  }`;

export const INTEGRITY = `
  query Integrity { auditLogIntegrity { ok checkedEvents firstBrokenPosition reason checkedAt } }`;

export const STATS = `
  query Stats($from: DateTime!, $to: DateTime!, $bucket: StatsBucket!, $top: Int) {
    stats(from: $from, to: $to, bucket: $bucket) {
      from to bucket
      totals { scans detections blocked redacted alerted logged failedActions }
      series { start scans detections byAction { action count } }
      byPattern(first: $top) { patternId patternName count }
      byChannel(first: $top) { channelId count }
      byAction { action count }
    }
  }`;

export const API_KEYS = `query ApiKeys { apiKeys { ${API_KEY_FIELDS} } }`;

export const CHANNEL_MONITORING =
  'query ChannelMonitoring { channelMonitoring { mode channelIds updatedAt } }';

export const TEST_PATTERN = `
  query TestPattern($input: PatternInput!, $samples: [String!]!) {
    testPattern(input: $input, samples: $samples) {
      valid errors { field message code }
      samples { index findings { patternId patternName severity action confidence start end line column maskedMatch } }
    }
  }`;

export const CREATE_PATTERN = `
  mutation CreatePattern($input: PatternInput!) {
    createPattern(input: $input) { pattern { ${PATTERN_FIELDS} } ${USER_ERRORS} }
  }`;

export const UPDATE_PATTERN = `
  mutation UpdatePattern($id: ID!, $input: PatternInput!, $expectedVersion: Int!) {
    updatePattern(id: $id, input: $input, expectedVersion: $expectedVersion) {
      pattern { ${PATTERN_FIELDS} } ${USER_ERRORS}
    }
  }`;

export const ENABLE_PATTERN = `
  mutation EnablePattern($id: ID!) { enablePattern(id: $id) { pattern { ${PATTERN_FIELDS} } ${USER_ERRORS} } }`;

export const DISABLE_PATTERN = `
  mutation DisablePattern($id: ID!) { disablePattern(id: $id) { pattern { ${PATTERN_FIELDS} } ${USER_ERRORS} } }`;

export const DELETE_PATTERN = `
  mutation DeletePattern($id: ID!) { deletePattern(id: $id) { deletedPatternId ${USER_ERRORS} } }`;

export const REVEAL_CONTENT = `
  mutation RevealContent($detectionId: ID!, $reason: String) {
    revealContent(detectionId: $detectionId, reason: $reason) { content ${USER_ERRORS} }
  }`;

export const CREATE_API_KEY = `
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { apiKey { ${API_KEY_FIELDS} } key ${USER_ERRORS} }
  }`;

export const REVOKE_API_KEY = `
  mutation RevokeApiKey($id: ID!, $reason: String) {
    revokeApiKey(id: $id, reason: $reason) { apiKey { ${API_KEY_FIELDS} } ${USER_ERRORS} }
  }`;

export const SET_CHANNEL_MONITORING = `
  mutation SetChannelMonitoring($input: ChannelMonitoringInput!) {
    setChannelMonitoring(input: $input) { channelMonitoring { mode channelIds updatedAt } ${USER_ERRORS} }
  }`;

export const DETECTION_ADDED = `
  subscription DetectionAdded($filter: DetectionFilter) { detectionAdded(filter: $filter) { ${DETECTION_FIELDS} } }`;
