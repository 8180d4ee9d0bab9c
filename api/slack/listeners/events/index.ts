import type { App } from '@slack/bolt';
import type { EventIntake } from '../../accept-event';
import { registerFileShared } from './file-shared';
import { registerMessage } from './message';

/** Every Events API listener. A new event kind gets its own file here and a line in slack-app-manifest.yml. */
export function register(app: App, intake: EventIntake): void {
  registerMessage(app, intake);
  registerFileShared(app, intake);
}
