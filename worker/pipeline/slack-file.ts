import { z } from 'zod';
import { callAsBot, type ReactorContext } from '../reactors/reactor-context';
import type { SlackFailure } from '../slack/slack-api';

const share = z.array(z.looseObject({ ts: z.string().optional(), thread_ts: z.string().optional() }));

const fileInfo = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
  filetype: z.string().optional(),
  size: z.number().optional(),
  user: z.string().optional(),
  created: z.number().optional(),
  timestamp: z.number().optional(),
  updated: z.number().optional(),
  url_private_download: z.string().optional(),
  permalink: z.string().optional(),
  is_external: z.boolean().optional(),
  channels: z.array(z.string()).optional(),
  groups: z.array(z.string()).optional(),
  ims: z.array(z.string()).optional(),
  shares: z
    .looseObject({
      public: z.record(z.string(), share).optional(),
      private: z.record(z.string(), share).optional(),
    })
    .optional(),
});

/**
 * What files.info says about a file, reduced to what a scan needs.
 * @example { id: 'F1', name: 'keys.txt', size: 120, version: '1700000000', downloadUrl: 'https://…', … }
 */
export interface SlackFile {
  id: string;
  name: string;
  mimeType: string | undefined;
  size: number | undefined;
  userId: string | undefined;
  /** Changes when the file's content does (snippets can be edited): part of the file's work key. */
  version: string;
  downloadUrl: string | undefined;
  permalink: string | undefined;
  external: boolean;
  channels: string[];
  /** Where the file was shared in `channelId`: the message ts and its thread, when Slack says. */
  shareIn(channelId: string): { ts?: string; threadTs?: string };
}

export async function fetchFileInfo(
  context: ReactorContext,
  fileId: string,
): Promise<{ ok: true; file: SlackFile } | SlackFailure> {
  const result = await callAsBot<{ file?: unknown }>(context, 'files.info', { file: fileId });
  if (!result.ok) return result;
  const parsed = fileInfo.safeParse(result.file);
  if (!parsed.success) return { ok: false, code: 'invalid_file_info', retryable: false };
  const file = parsed.data;
  const shares = { ...(file.shares?.public ?? {}), ...(file.shares?.private ?? {}) };
  return {
    ok: true,
    file: {
      id: file.id,
      name: file.name ?? file.title ?? file.id,
      mimeType: file.mimetype,
      size: file.size,
      userId: file.user,
      version: String(file.updated ?? file.timestamp ?? file.created ?? 0),
      downloadUrl: file.url_private_download,
      permalink: file.permalink,
      external: file.is_external === true,
      channels: [...(file.channels ?? []), ...(file.groups ?? []), ...(file.ims ?? [])],
      shareIn: (channelId) => {
        const first = shares[channelId]?.[0];
        const threadTs = first?.thread_ts && first.thread_ts !== first.ts ? first.thread_ts : undefined;
        return { ...(first?.ts ? { ts: first.ts } : {}), ...(threadTs ? { threadTs } : {}) };
      },
    },
  };
}
