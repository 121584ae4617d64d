import type { SetSkip } from '../model/set';
import { GITHUB_API, gitHubFile, gitHubHeaders } from './gitHub';
import { field, isMissing, objects, type RepoIo, text } from './gitIo';
import { allPages, flowChange, type GetJson, isPullFlow, type PullListing, type PullUrl, under } from './gitPullCommon';
import { SourceError } from './redact';
import type { PullFile, PullSide } from './pullSources';

/**
 * A GitHub pull request through the REST API: `GET /repos/O/R/pulls/N` (both commits, both branches, a fork's
 * repository), `GET …/compare/BASE...HEAD` for the merge base, `GET …/pulls/N/files` 100 a page (GitHub lists at
 * most 3,000), the flow files at each commit (raw without a token, the contents API with one), and one recursive
 * tree at head for the unchanged count.
 *
 * The pull's `base.sha` is the base branch's tip *now*, not where the head branched off: once main has moved on,
 * base files read there carry main's later changes, and the diff would show them as the pull request's. GitHub's
 * own file list is against the merge base (a three-dot diff), so the base side is read there too: `base.sha` is the
 * merge base, `base.tip` the branch's tip when it differs. When the compare fails (a 404 or 422 for a deleted
 * fork's head, a 5xx) the base is read at the tip, with a note.
 */

/** GitHub's cap on a pull request's file list: 30 pages of 100. */
const MAX_FILE_PAGES = 30;

const STATUS: Record<string, PullFile['status'] | undefined> = {
  added: 'added',
  copied: 'added',
  removed: 'removed',
  modified: 'modified',
  changed: 'modified',
  renamed: 'renamed',
};

export async function readGitHubPull(pull: PullUrl, io: RepoIo): Promise<PullListing> {
  const [owner = '', name = ''] = pull.project.split('/');
  const repo = `${GITHUB_API}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
  const headers = gitHubHeaders(io.token);
  const get = (url: string) => io.json(url, headers, 'github', pull.url);

  const body = (await get(`${repo}/pulls/${pull.number}`)).body;
  const side = (key: 'base' | 'head'): PullSide & { fork: string | null } => {
    const s = field(body, key);
    const sha = text(s, 'sha');
    if (!sha) throw new SourceError('invalid-json', `GitHub did not say ${pull.url}’s ${key} commit.`, '', [io.token]);
    const repoField = field(s, 'repo');
    const fullName = text(repoField, 'full_name');
    // A deleted fork leaves `repo: null`; its commits still live in the base repository (refs/pull/N/head).
    const project = fullName ?? `${pull.project} (the fork was deleted)`;
    const at = fullName ?? pull.project;
    return {
      ref: text(s, 'ref') ?? '',
      sha,
      project,
      tree: `${pull.origin}/${at}/tree/${sha}`,
      fork: fullName ?? null,
    };
  };
  const { fork: baseRepo, ...tipSide } = side('base');
  const { fork: headRepo, ...head } = side('head');
  const mergeBase = await readMergeBase(get, repo, tipSide.sha, head.sha);
  const base: PullSide =
    mergeBase === undefined || mergeBase === tipSide.sha
      ? tipSide
      : {
          ...tipSide,
          sha: mergeBase,
          tip: tipSide.sha,
          tree: `${pull.origin}/${baseRepo ?? pull.project}/tree/${mergeBase}`,
        };
  const merged = typeof text(body, 'merged_at') === 'string' || field(body, 'merged') === true;

  const changed: PullFile[] = [];
  let listedFiles = 0;
  const first = `${repo}/pulls/${pull.number}/files?per_page=100&page=1`;
  const { more } = await allPages(
    get,
    first,
    MAX_FILE_PAGES,
    (page) => {
      const files = objects(page);
      listedFiles += files.length;
      io.listed(files.length);
      for (const f of files) {
        // A host's word is data: read it as an own key only (a status of `__proto__` names nothing).
        const word = text(f, 'status') ?? '';
        const status = Object.hasOwn(STATUS, word) ? STATUS[word] : undefined;
        const path = text(f, 'filename');
        if (!status || !path) continue;
        const change = flowChange(status, path, text(f, 'previous_filename'));
        if (change) changed.push(change);
      }
    },
    io.token,
  );
  const total = Number(field(body, 'changed_files'));
  const listNotes: SetSkip[] =
    more || (Number.isFinite(total) && total > listedFiles)
      ? [
          {
            file: pull.url,
            reason:
              `GitHub lists only the first ${listedFiles.toLocaleString('en')} of ` +
              `${Number.isFinite(total) ? total.toLocaleString('en') : 'more'} changed files; ` +
              'flows among the rest are not shown',
          },
        ]
      : [];

  const notes: SetSkip[] =
    mergeBase === undefined
      ? [
          {
            file: pull.url,
            reason:
              `GitHub did not say where ${head.ref || 'the head'} branched off ${base.ref || 'the base'}; ` +
              `base files are read at ${base.ref || 'the base'}’s tip, so changes made there since may show ` +
              'as this pull request’s',
          },
          ...listNotes,
        ]
      : listNotes;

  const files = { origin: pull.origin, project: pull.project };
  return {
    info: {
      host: 'github',
      url: pull.url,
      number: pull.number,
      title: text(body, 'title') ?? '',
      state: merged ? 'merged' : text(body, 'state'),
      base,
      head,
    },
    changed,
    notes,
    file: (which, path) =>
      which === 'base'
        ? gitHubFile(baseRepo ? { ...files, project: baseRepo } : files, base.sha, path, io.token)
        : // A fork's files are read in the fork; a deleted fork's through the base repository.
          gitHubFile(headRepo ? { ...files, project: headRepo } : files, head.sha, path, io.token),
    async unchanged(folders, changedHead) {
      const at = headRepo ?? pull.project;
      const [o = '', r = ''] = at.split('/');
      const api = `${GITHUB_API}/repos/${encodeURIComponent(o)}/${encodeURIComponent(r)}`;
      const tree = (await get(`${api}/git/trees/${head.sha}?recursive=1`)).body;
      if (field(tree, 'truncated') === true) return undefined;
      const entries = objects(field(tree, 'tree'));
      io.listed(entries.length);
      return entries.filter((e) => {
        const p = text(e, 'path') ?? '';
        return (
          text(e, 'type') === 'blob' &&
          under(p, folders.length > 0 ? folders : ['']) &&
          !changedHead.has(p) &&
          isPullFlow(p)
        );
      }).length;
    },
  };
}

/**
 * The merge base of a pull's two commits (`GET /repos/O/R/compare/BASE...HEAD` → `merge_base_commit.sha`), or
 * undefined when GitHub cannot compare them (404 or 422: a deleted fork's head; a 5xx). Other failures (rate limit,
 * a bad token, cancelling) stop the read as any request's would.
 */
async function readMergeBase(get: GetJson, repo: string, base: string, head: string): Promise<string | undefined> {
  try {
    const answer = await get(`${repo}/compare/${encodeURIComponent(base)}...${encodeURIComponent(head)}`);
    const sha = text(field(answer.body, 'merge_base_commit'), 'sha');
    return sha && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : undefined;
  } catch (e) {
    if (isMissing(e) || (e instanceof SourceError && (e.status ?? 0) >= 500)) return undefined;
    throw e;
  }
}
