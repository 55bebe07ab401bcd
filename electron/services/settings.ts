// User settings in a real JSON file through lowdb, with an adapter that fsyncs every write (the
// stock JSONFile renames without fsync) and validates what it reads.
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
  private constructor(
    private readonly db: Low<Settings>,
    readonly warning: string | null,
  ) {}

  static async open(path: string): Promise<SettingsStore> {
    const adapter = new DurableJsonFile(path);
    const db = new Low<Settings>(adapter, defaultSettings());
    await db.read();
    return new SettingsStore(db, adapter.movedAside);
  }

  get(): Settings {
    return structuredClone(this.db.data);
  }

  private async update(fn: (s: Settings) => void): Promise<Settings> {
    await this.db.update(fn);
    return this.get();
  }

  async addAnnotator(id: string, name = ''): Promise<Settings> {
    const profile: AnnotatorProfile = { id, name, created: new Date().toISOString() };
    const checked = annotatorProfileSchema.safeParse(profile);
    if (!checked.success) throw new Error(`annotator: ${zodMessage(checked.error)}`);
    return this.update((s) => {
      if (!s.annotators.some((a) => a.id === id)) s.annotators.push(checked.data);
      s.currentAnnotator = id;
    });
  }

  async selectAnnotator(id: string): Promise<Settings> {
    return this.update((s) => {
      if (!s.annotators.some((a) => a.id === id)) throw new Error(`no annotator profile "${id}"`);
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

  async setPreferences(patch: Partial<Preferences>): Promise<Settings> {
    return this.update((s) => {
      s.preferences = settingsSchema.shape.preferences.parse({ ...s.preferences, ...patch });
    });
  }
}
