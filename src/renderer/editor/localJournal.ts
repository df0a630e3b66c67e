import { ArticleInputSchema, type ParsedArticleInput } from '../../shared/model/article';
import { JournalMarkSchema, type JournalMark } from '../../shared/model/journal';

/**
 * The typing journal's second copy, in the page's own IndexedDB: when the main process cannot be
 * reached (browser mode's server stopped, a broken connection), text typed meanwhile is still
 * kept on this machine, and offered back when the article opens again. Entries follow the same
 * rule as the store's: a save clears every entry of its editor at or before its mark.
 */
export interface LocalEntry {
  article: ParsedArticleInput;
  mark: JournalMark;
  writtenAt: string;
}

export interface LocalJournal {
  put(id: string, entry: LocalEntry): Promise<void>;
  get(id: string): Promise<LocalEntry | null>;
  /** After a save taken at `mark`: drops the entry when the save covers it. */
  settle(id: string, mark: JournalMark): Promise<void>;
  discard(id: string): Promise<void>;
}

const DB = 'byline-journal';
const STORE = 'entries';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Reads what the page kept; anything that does not read as an entry is dropped, never trusted. */
function parseEntry(raw: unknown): LocalEntry | null {
  const e = raw as Partial<LocalEntry> | undefined;
  const article = ArticleInputSchema.safeParse(e?.article);
  const mark = JournalMarkSchema.safeParse(e?.mark);
  if (!article.success || !mark.success || typeof e?.writtenAt !== 'string' || Number.isNaN(Date.parse(e.writtenAt)))
    return null;
  return { article: article.data, mark: mark.data, writtenAt: e.writtenAt };
}

const NONE: LocalJournal = {
  put: async () => undefined,
  get: async () => null,
  settle: async () => undefined,
  discard: async () => undefined,
};

let shared: LocalJournal | null = null;

/** The page's journal (one per page, opened on first use). */
export function localJournal(): LocalJournal {
  return (shared ??= openLocalJournal());
}

function openLocalJournal(): LocalJournal {
  if (typeof indexedDB === 'undefined') return NONE;
  let opening: Promise<IDBDatabase> | null = null;
  const db = () =>
    (opening ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    }));
  const run = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    request(fn((await db()).transaction(STORE, mode).objectStore(STORE)));
  const get = async (id: string) => parseEntry(await run('readonly', (s) => s.get(id)));
  return {
    put: async (id, entry) => void (await run('readwrite', (s) => s.put(entry, id))),
    get,
    settle: async (id, mark) => {
      const entry = await get(id);
      if (entry && (entry.mark.session !== mark.session || entry.mark.seq > mark.seq)) return;
      await run('readwrite', (s) => s.delete(id));
    },
    discard: async (id) => void (await run('readwrite', (s) => s.delete(id))),
  };
}
