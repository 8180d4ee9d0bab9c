import type { Settings } from '../../schema/config/settings';

/** How the scan queue is reached and set up. */
export interface QueueConfig {
  /** An emulator or LocalStack URL; undefined means AWS itself (or the embedded emulator, see `embedded`). */
  endpoint: string | undefined;
  region: string;
  queueName: string;
  /** Start the in-process emulator: no SQS_ENDPOINT and no AWS credentials anywhere in the environment. */
  embedded: boolean;
  /** Create the queue and its dead-letter queue when missing (off for locked-down AWS accounts). */
  createQueues: boolean;
  /** Receives before a task is dead-lettered (and a ScanFailed recorded). */
  maxReceiveCount: number;
  /** Seconds a received task stays invisible; the worker extends it while it works. */
  visibilityTimeoutSeconds: number;
}

const AWS_CREDENTIAL_HINTS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];

export function queueConfig(settings: Settings, env: NodeJS.ProcessEnv = process.env): QueueConfig {
  const hasAwsCredentials = AWS_CREDENTIAL_HINTS.some((k) => (env[k] ?? '').trim() !== '');
  return {
    endpoint: settings.SQS_ENDPOINT,
    region: settings.AWS_DEFAULT_REGION,
    queueName: settings.AWS_SQS_QUEUE_NAME,
    embedded: settings.SQS_ENDPOINT === undefined && !hasAwsCredentials,
    createQueues: settings.SQS_CREATE_QUEUES,
    maxReceiveCount: settings.SQS_MAX_RECEIVE_COUNT,
    visibilityTimeoutSeconds: settings.SQS_VISIBILITY_TIMEOUT,
  };
}
