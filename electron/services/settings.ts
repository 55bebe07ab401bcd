// User settings in a real JSON file through lowdb, with an adapter that fsyncs every write (the
// stock JSONFile renames without fsync) and validates what it reads. Two apps of one user (the
// desktop app and browser mode, or two windows) share the file: every change re-reads it under a
// lock file and writes it back whole, so neither overwrites what the other saved, and each app
// keeps its own current profile in memory. Preferences belong to a profile.
import { rename } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import { zodMessage } from '../../shared/project';
import {
  MAX_RECENT,
  annotatorProfileSchema,
  defaultSettings,
  settingsSchema,
  type AnnotatorProfile,
  type Preferences,
  type Settings,
} from '../../shared/settings';
import { UserError } from './errors';
import { withLockFile } from './fileLock';
import { readTextIfExists, writeFileAtomic } from './fsx';

class DurableJsonFile implements Adapter<Settings> {
  /** Set when an unreadable settings file was moved aside instead of being overwritten. */
  movedAside: string | null = null;
  constructor(readonly path: string) {}

  async read(): Promise<Settings | null> {
    const text = await readTextIfExists(this.path);
    if (text === null) return null;
    let problem: string;
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      problem = zodMessage(parsed.error);
    } catch (err) {
      problem = `not valid JSON (${(err as Error).message})`;
    }
    // Never overwrite what we cannot read: keep it next to the new file for the user.
    const aside = `${this.path}.unreadable-${Date.now()}`;
    await rename(this.path, aside);
    this.movedAside = `${this.path}: ${problem}; kept as ${aside}, starting with defaults`;
    return null;
  }

  async write(data: Settings): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(data, null, 2) + '\n');
  }
}

export class SettingsStore {
  private current: string | null;

  private constructor(
    private readonly db: Low<Settings>,
    private readonly path: string,
    readonly warning: string | null,
  ) {
    this.current = db.data.currentAnnotator;
  }

  static async open(path: string): Promise<SettingsStore> {
    const adapter = new DurableJsonFile(path);
    const db = new Low<Settings>(adapter, defaultSettings());
    await withLockFile(`${path}.lock`, () => db.read());
    return new SettingsStore(db, path, adapter.movedAside);
  }

  /** The settings as this app sees them: its own current profile, and that profile's preferences. */
  get(): Settings {
    const s = structuredClone(this.db.data);
    const profile = s.annotators.find((a) => a.id === this.current);
    return {
      ...s,
      currentAnnotator: profile ? this.current : null,
      preferences: profile?.preferences ?? s.preferences,
    };
  }

  /** Re-reads the file under its lock, applies `fn` and writes it back: no other app's change is lost. */
  private async update(fn: (s: Settings) => void): Promise<Settings> {
    await withLockFile(`${this.path}.lock`, async () => {
      await this.db.read();
      fn(this.db.data);
      await this.db.write();
    });
    return this.get();
  }

  async addAnnotator(id: string, name = ''): Promise<Settings> {
    const profile: AnnotatorProfile = { id, name, created: new Date().toISOString() };
    const checked = annotatorProfileSchema.safeParse(profile);
    if (!checked.success) throw new UserError(`annotator: ${zodMessage(checked.error)}`);
    this.current = id;
    return this.update((s) => {
      if (!s.annotators.some((a) => a.id === id)) s.annotators.push(checked.data);
      s.currentAnnotator = id;
    });
  }

  async selectAnnotator(id: string): Promise<Settings> {
    await this.db.read();
    if (!this.db.data.annotators.some((a) => a.id === id))
      throw new UserError(`no annotator profile "${id}"`);
    this.current = id;
    return this.update((s) => {
      s.currentAnnotator = id;
    });
  }

  touchRecent(dir: string, name: string): Promise<Settings> {
    return this.update((s) => {
      s.recentProjects = [
        { dir, name, openedAt: new Date().toISOString() },
        ...s.recentProjects.filter((r) => r.dir !== dir),
      ].slice(0, MAX_RECENT);
    });
  }

  /** Changes this app's profile's preferences (or the defaults, before a profile is chosen). */
  async setPreferences(patch: Partial<Preferences>): Promise<Settings> {
    const current = this.current;
    return this.update((s) => {
      const profile = s.annotators.find((a) => a.id === current);
      const base = profile?.preferences ?? s.preferences;
      const next = settingsSchema.shape.preferences.parse({ ...base, ...patch });
      if (profile) profile.preferences = next;
      else s.preferences = next;
    });
  }
}
