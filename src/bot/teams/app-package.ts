// The Teams app package: manifest.json (with this bot's app id) and the two icons, zipped flat as Teams expects.
import { crc32, deflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { TitanError } from '../../core/errors.ts';

export interface PackageFile {
  name: string;
  data: Buffer;
}

const guid = z.string().regex(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i);

/** The manifest fields the packager fills in; everything else passes through unchanged. */
const manifestShape = z.looseObject({
  id: z.string(),
  icons: z.object({ color: z.string(), outline: z.string() }),
  bots: z.array(z.looseObject({ botId: z.string() })).length(1),
});

/** Fixed timestamps (1980-01-01 00:00, the zip epoch) so the same inputs give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of `files` at its root, each deflated (no directories, no extra fields). */
export function zipFiles(files: PackageFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const packed = deflateRawSync(file.data);
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    local.copy(central, 6, 4, 30); // version needed … name length: the same fields as the local header
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface AppPackageInput {
  /** manifests/teams/manifest.json, parsed. */
  manifest: unknown;
  /** TEAMS_APP_ID: the bot's Microsoft App ID, used as the Teams app id too. */
  appId: string | undefined;
  /** Reads an icon named by the manifest (relative to the manifest's folder). */
  readIcon: (name: string) => Buffer;
}

/** The manifest with the app id filled in, and the zip Teams' "Upload a custom app" takes. */
export function buildAppPackage(input: AppPackageInput): { manifest: Record<string, unknown>; zip: Buffer } {
  const appId = guid.safeParse(input.appId);
  if (!appId.success) {
    throw new TitanError(
      'config.invalid',
      "TEAMS_APP_ID must be the bot's Microsoft App ID (a GUID) to build the Teams package. " +
        'Set it with PATCH /config or in the environment, or pass --app-id.',
      { detail: { key: 'TEAMS_APP_ID' } },
    );
  }
  const parsed = manifestShape.parse(input.manifest);
  const [bot] = parsed.bots;
  const manifest = { ...parsed, id: appId.data, bots: [{ ...bot, botId: appId.data }] };
  const zip = zipFiles([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: parsed.icons.color, data: input.readIcon(parsed.icons.color) },
    { name: parsed.icons.outline, data: input.readIcon(parsed.icons.outline) },
  ]);
  return { manifest, zip };
}
