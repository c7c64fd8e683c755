// A local Google Drive v3 fake on 127.0.0.1: holds folders and files, serves list/get/export/update, records moves.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auth } from '@googleapis/drive';

const FOLDER_MIME = 'application/vnd.google-apps.folder';

export interface FakeDriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  /** The bytes served by alt=media, or by export for a Google Sheet. */
  content: Buffer;
  description?: string;
}

export interface RecordedMove {
  fileId: string;
  name: string;
  from: string;
  to: string;
  description?: string;
}

export interface FakeDrive {
  /** Pass as `rootUrl` to the drive client. */
  rootUrl: string;
  files: Map<string, FakeDriveFile>;
  moves: RecordedMove[];
  /** Authorization headers seen, to check the client sent its token. */
  authorizations: string[];
  addFolder(id: string, name?: string): void;
  addFile(file: Omit<FakeDriveFile, 'parents'> & { parent: string }): void;
  /** Names of the files currently in a folder. */
  namesIn(folderId: string): string[];
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' }).end(text);
}

const notFound = (res: ServerResponse, id: string) =>
  send(res, 404, {
    error: { code: 404, message: `File not found: ${id}.`, errors: [{ reason: 'notFound' }] },
  });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const describe = (f: FakeDriveFile) => ({
  id: f.id,
  name: f.name,
  mimeType: f.mimeType,
  parents: f.parents,
  // Drive reports no size for Google-native files.
  ...(f.mimeType.startsWith('application/vnd.google-apps.') ? {} : { size: String(f.content.length) }),
});

/** An OAuth2 client that already holds a token, so the real client sends it and never asks Google for one. */
export function tokenAuth(): InstanceType<typeof auth.OAuth2> {
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  return client;
}

/** Starts the fake; `pageSize` caps list pages so paging is exercised. */
export async function startFakeDrive(options: { pageSize?: number } = {}): Promise<FakeDrive> {
  const files = new Map<string, FakeDriveFile>();
  const moves: RecordedMove[] = [];
  const authorizations: string[] = [];
  const pageSize = options.pageSize ?? 100;

  function list(url: URL, res: ServerResponse): void {
    const parent = /'([^']+)' in parents/.exec(url.searchParams.get('q') ?? '')?.[1];
    const all = [...files.values()]
      .filter((f) => parent === undefined || f.parents.includes(parent))
      .sort((a, b) => a.name.localeCompare(b.name));
    const start = Number(url.searchParams.get('pageToken') ?? 0);
    const page = all.slice(start, start + pageSize);
    const next = start + pageSize < all.length ? { nextPageToken: String(start + pageSize) } : {};
    send(res, 200, { files: page.map(describe), ...next });
  }

  async function update(file: FakeDriveFile, url: URL, req: IncomingMessage, res: ServerResponse) {
    const body = JSON.parse((await readBody(req)) || '{}') as { description?: string };
    const add = url.searchParams.get('addParents');
    const remove = url.searchParams.get('removeParents');
    if (add && !files.has(add)) return notFound(res, add);
    if (remove) file.parents = file.parents.filter((p) => p !== remove);
    if (add) file.parents.push(add);
    if (body.description !== undefined) file.description = body.description;
    if (add) {
      const move: RecordedMove = { fileId: file.id, name: file.name, from: remove ?? '', to: add };
      if (body.description !== undefined) move.description = body.description;
      moves.push(move);
    }
    send(res, 200, describe(file));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    authorizations.push(req.headers.authorization ?? '');
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = /^\/drive\/v3\/files(?:\/([^/]+))?(\/export)?$/.exec(url.pathname);
    if (!match) return send(res, 404, { error: { code: 404, message: 'no such route' } });
    const [, id, exporting] = match;
    if (!id) return req.method === 'GET' ? list(url, res) : send(res, 405, {});
    const file = files.get(decodeURIComponent(id));
    if (!file) return notFound(res, id);
    if (req.method === 'PATCH') return update(file, url, req, res);
    if (exporting || url.searchParams.get('alt') === 'media') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.content);
      return;
    }
    send(res, 200, describe(file));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { error: { code: 500, message: String(err) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    files,
    moves,
    authorizations,
    addFolder(id, name = id) {
      files.set(id, { id, name, mimeType: FOLDER_MIME, parents: [], content: Buffer.alloc(0) });
    },
    addFile({ parent, ...file }) {
      files.set(file.id, { ...file, parents: [parent] });
    },
    namesIn(folderId) {
      return [...files.values()]
        .filter((f) => f.parents.includes(folderId))
        .map((f) => f.name)
        .sort();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
