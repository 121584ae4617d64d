import { field, isMissing, objects, type RepoIo, text } from './gitIo';
import { gitLabApi, gitLabFile, listGitLab } from './gitLab';
import { allPages, flowChange, isPullFlow, type PullListing, type PullUrl } from './gitPullCommon';
import { tokenHeaders } from './gitHost';
import { SourceError } from './redact';
import type { PullFile } from './pullSources';

/**
 * A GitLab merge request through API v4 (gitlab.com or self-hosted, nested groups):
 * `GET /projects/ID/merge_requests/N` (`diff_refs`, both branches, the source project of a fork),
 * `GET …/merge_requests/N/diffs` page by page, the flow files at each commit from the target project
 * (`repository/files/PATH/raw?ref=SHA`: GitLab keeps a fork's head commit there, refs/merge-requests/N/head), and
 * the tree of the changed flows' folders at head for the unchanged count.
 */

/** A runaway pager stops here: 500 pages of 100 are 50,000 files. */
const MAX_PAGES = 500;

export async function readGitLabPull(pull: PullUrl, io: RepoIo): Promise<PullListing> {
  const api = gitLabApi(pull);
  const headers = tokenHeaders('gitlab', io.token);
  const get = (url: string) => io.json(url, headers, 'gitlab', pull.url);

  const body = (await get(`${api}/merge_requests/${pull.number}`)).body;
  const refs = field(body, 'diff_refs');
  const baseSha = text(refs, 'base_sha');
  const headSha = text(refs, 'head_sha') ?? text(body, 'sha');
  if (!baseSha || !headSha)
    throw new SourceError(
      'invalid-json',
      `GitLab did not say ${pull.url}’s base and head commits.`,
      'A merge request GitLab is still preparing has none yet: try again in a moment.',
      [io.token],
    );
  const source = field(body, 'source_project_id');
  const target = field(body, 'target_project_id') ?? field(body, 'project_id');
  let headProject = pull.project;
  if (typeof source === 'number' && source !== target) {
    // A fork: its path is one more request; a fork the reader cannot see (deleted, private) is said so.
    headProject = await get(`${pull.origin}/api/v4/projects/${source}`).then(
      (a) => text(a.body, 'path_with_namespace') ?? `project ${source}`,
      (e: unknown) => {
        if (isMissing(e)) return `a fork (project ${source}) this token cannot see`;
        throw e;
      },
    );
  }
  const tree = (project: string, sha: string) => `${pull.origin}/${project}/-/tree/${sha}`;
  const forkVisible = headProject !== pull.project && !headProject.includes(' ');

  const changed: PullFile[] = [];
  const take = (entries: unknown) => {
    const files = objects(entries);
    io.listed(files.length);
    for (const f of files) {
      const change = diffChange(f);
      if (change) changed.push(change);
    }
  };
  const first = `${api}/merge_requests/${pull.number}/diffs?per_page=100&page=1`;
  let more: boolean;
  let overflow = false;
  try {
    more = (await allPages(get, first, MAX_PAGES, take, io.token)).more;
  } catch (e) {
    // `/diffs` came with GitLab 15.7; an older server has only `/changes` (one answer, capped by the server).
    if (!(e instanceof SourceError && e.status === 404)) throw e;
    const answer = (await get(`${api}/merge_requests/${pull.number}/changes`)).body;
    take(field(answer, 'changes'));
    more = false;
    overflow = field(answer, 'overflow') === true;
  }
  const notes =
    more || overflow
      ? [{ file: pull.url, reason: 'GitLab did not list every changed file; flows among the rest are not shown' }]
      : [];

  return {
    info: {
      host: 'gitlab',
      url: pull.url,
      number: pull.number,
      title: text(body, 'title') ?? '',
      state: text(body, 'state'),
      base: {
        ref: text(body, 'target_branch') ?? '',
        sha: baseSha,
        project: pull.project,
        tree: tree(pull.project, baseSha),
      },
      head: {
        ref: text(body, 'source_branch') ?? '',
        sha: headSha,
        project: headProject,
        tree: tree(forkVisible ? headProject : pull.project, headSha),
      },
    },
    changed,
    notes,
    file: (which, path) => gitLabFile(pull, which === 'base' ? baseSha : headSha, path, io.token),
    async unchanged(folders, changedHead) {
      // GitLab's tree is paged: a whole repository can be thousands of pages, so only the flows' folders are read.
      if (folders.length === 0) return undefined;
      let count = 0;
      for (const path of folders) {
        const blobs = await listGitLab(
          { host: 'gitlab', origin: pull.origin, project: pull.project, ref: headSha, path, url: pull.url },
          io,
        ).then(
          (l) => l.blobs,
          (e: unknown) => {
            // Every flow of that folder removed: the folder is gone at head.
            if (isMissing(e) || (e instanceof SourceError && e.kind === 'not-found')) return [];
            throw e;
          },
        );
        count += blobs.filter((p) => isPullFlow(p) && !changedHead.has(p)).length;
      }
      return count;
    },
  };
}

/** One entry of `/diffs` (or `/changes`) as a PullFile, when a flow is on either side. */
function diffChange(f: unknown): PullFile | undefined {
  const path = text(f, 'new_path') ?? '';
  const old = text(f, 'old_path') ?? path;
  if (field(f, 'new_file') === true) return flowChange('added', path);
  if (field(f, 'deleted_file') === true) return flowChange('removed', old);
  if (field(f, 'renamed_file') === true) return flowChange('renamed', path, old);
  return flowChange('modified', path);
}
