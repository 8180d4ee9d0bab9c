import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';

/** RFC 3339 date-times, always written in UTC with milliseconds (`2025-01-31T09:30:00.000Z`). */
export const DateTimeScalar = GraphQLDateTime;

/** Any JSON value: event payloads and metadata, as recorded. */
export const JSONScalar = GraphQLJSON;
