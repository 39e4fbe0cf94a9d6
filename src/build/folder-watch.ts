import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';

export interface FolderWatch {
  /** Settles once every folder that was there is watched. */
  ready: Promise<void>;
  close(): void;
}

/**
 * Watches every folder under `root` on its own, not recursively and not file by file: a
 * folder's watch names any entry that changes in it, whatever file stands behind the name now.
 * Node 20's recursive watch on Linux watches each file instead, and once a file is replaced by
 * a rename (an editor's atomic save, a checkout) it misses every later edit of that path;
 * chokidar, which also watches files, misses an edit in the 20–50 ms after such a replacement.
 * A folder that appears later is watched from then on, and what it holds is reported; one that
 * goes away is let go; a symlink is named when it changes, never followed. `onChange` gets
 * repo-relative paths with `/`, of files or folders; `skip` keeps a path (and what is below it) out.
 */
export function watchFolders(root: string, skip: (path: string) => boolean, onChange: (path: string) => void): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const toRepoPath = (absolute: string): string => relative(root, absolute).split(sep).join('/');

  const forget = (folder: string): void => {
    for (const [path, watcher] of watchers) {
      if (path === folder || path.startsWith(`${folder}${sep}`)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };

  const changed = (absolute: string): void => {
    const path = toRepoPath(absolute);
    if (closed || skip(path)) return;
    onChange(path);
    // A folder made, moved in or checked out is watched, with what it holds; one gone, or now a
    // file, is let go. A symlink is not followed (the build does not follow one either: see
    // `collectFiles`).
    void lstat(absolute).then(
      (info) => (info.isDirectory() ? add(absolute, true) : forget(absolute)),
      () => forget(absolute),
    );
  };

  const add = async (folder: string, report: boolean): Promise<void> => {
    if (closed || watchers.has(folder) || (folder !== root && skip(toRepoPath(folder)))) return;
    let watcher: FSWatcher;
    // A watched folder removed or moved away reports itself under its own name, as if an
    // entry of that name inside it had changed: such a name, or none (some platforms), stands
    // for the folder itself, and everything in it is looked at again. The root keeps its
    // entries' names: it is not removed while the repository is watched.
    const own = folder === root ? undefined : basename(folder);
    try {
      watcher = watch(folder, (_event, name) => changed(name && name.toString() !== own ? join(folder, name.toString()) : folder));
    } catch {
      // Gone already, or not readable: nothing to watch.
      return;
    }
    watcher.on('error', () => forget(folder));
    watchers.set(folder, watcher);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries.map(async (entry) => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) await add(path, report);
        else if (report && !skip(toRepoPath(path))) onChange(toRepoPath(path));
      }),
    );
  };

  return {
    ready: add(root, false),
    close() {
      closed = true;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
