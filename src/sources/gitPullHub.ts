import type { SetSkip } from '../model/set';
import { GITHUB_API, gitHubFile, gitHubHeaders } from './gitHub';
import { field, objects, type RepoIo, text } from './gitIo';
import { allPages, flowChange, isPullFlow, type PullListing, type PullUrl, under } from './gitPullCommon';
import { SourceError } from './redact';
import type { PullFile, PullSide } from './pullSources';

/**
 * A GitHub pull request through the REST API: `GET /repos/O/R/pulls/N` (both commits, both branches, a fork's
 * repository), `GET …/pulls/N/files` 100 a page (GitHub lists at most 3,000), the flow files at each commit (raw
 * without a token, the contents API with one), and one recursive tree at head for the unchanged count.
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
  const { fork: baseRepo, ...base } = side('base');
  const { fork: headRepo, ...head } = side('head');
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
        const status = STATUS[text(f, 'status') ?? ''];
        const path = text(f, 'filename');
        if (!status || !path) continue;
        const change = flowChange(status, path, text(f, 'previous_filename'));
        if (change) changed.push(change);
      }
    },
    io.token,
  );
  const total = Number(field(body, 'changed_files'));
  const notes: SetSkip[] =
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
