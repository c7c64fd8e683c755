// The Teams SDK's own streamer (HttpStream), made to say whether Teams took the stream.
import type { ITypingActivityInput } from '@microsoft/teams.api';
// The package index does not export HttpStream; its ActivitySender.createStream builds one just like this.
import { HttpStream } from '@microsoft/teams.apps/dist/http/http-stream.js';

/**
 * An HttpStream whose first update reports its outcome. HttpStream's flush logs and drops a failed update, so a
 * stream Teams refuses (403 ContentStreamNotAllowed, a 4xx after its retries) would otherwise surface only as a
 * close() that waits 30 s and sends nothing; Titan needs to know at once to answer on a status card instead.
 * Nothing else is changed: the updates, ids, sequence numbers, retries and final message are the SDK's.
 */
export class ReportingStream extends HttpStream {
  /** The stream's id once Teams took the first update; rejects with what turned it down. */
  readonly opened: Promise<string>;
  private refused: (err: unknown) => void = () => {};

  constructor(...args: ConstructorParameters<typeof HttpStream>) {
    super(...args);
    this.opened = new Promise((resolve, reject) => {
      this.events.once('chunk', (sent) => resolve(sent.id));
      this.refused = reject;
    });
  }

  protected override async pushStreamChunk(activity: ITypingActivityInput): Promise<void> {
    try {
      await super.pushStreamChunk(activity);
    } catch (err) {
      this.refused(err);
      throw err;
    }
  }
}
