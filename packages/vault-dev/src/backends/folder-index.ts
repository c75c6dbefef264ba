/**
 * Which names live directly under each folder, so that LIST answers without scanning
 * every key. Folders are listed as "name/"; a key and a folder may share a name.
 */
export class FolderIndex {
  private readonly children = new Map<string, Set<string>>();

  add(path: string): void {
    const parts = path.split('/');
    let folder = '';
    parts.forEach((part, index) => {
      const isLeaf = index === parts.length - 1;
      const child = isLeaf ? part : `${part}/`;
      const names = this.children.get(folder) ?? new Set<string>();
      names.add(child);
      this.children.set(folder, names);
      folder += `${part}/`;
    });
  }

  remove(path: string): void {
    const parts = path.split('/');
    let child = parts.pop() ?? '';
    let folder = parts.length ? `${parts.join('/')}/` : '';
    for (;;) {
      const names = this.children.get(folder);
      if (!names) return;
      names.delete(child);
      if (names.size > 0 || folder === '') return;
      this.children.delete(folder);
      const parent = folder.slice(0, -1).split('/');
      child = `${parent.pop() ?? ''}/`;
      folder = parent.length ? `${parent.join('/')}/` : '';
    }
  }

  /** Sorted names under a folder ("" is the root; other folders end in "/"). */
  list(folder: string): string[] {
    return [...(this.children.get(folder) ?? [])].sort();
  }
}
