/**
 * A tiny GitHub + GitLab comment API on 127.0.0.1 for `flowscope comment`: one pull request's issue comments
 * (`/repos/O/R/issues/N/comments`, `/repos/O/R/issues/comments/ID`) and one merge request's notes
 * (`/projects/ID/merge_requests/IID/notes[/NOTE_ID]`), paged 100 at a time with GitHub's Link header and GitLab's
 * X-Next-Page. It checks the token header, can answer 403 to writes, and records every request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MockComment {
  id: number;
  body: string;
  system?: boolean;
}

export interface MockRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface MockCommentHost {
  url: string;
  comments: MockComment[];
  requests: MockRequest[];
  /** Writes answer 403 (a read-only token). */
  readOnly: boolean;
  close: () => Promise<void>;
}

export interface MockCommentOptions {
  /** The token the host accepts: `Authorization: Bearer T` (GitHub) or `PRIVATE-TOKEN: T` (GitLab). */
  token: string;
  repo?: string;
  pr?: number;
  project?: string;
  mr?: number;
}

const PER_PAGE_MAX = 100;

export async function startMockCommentHost(options: MockCommentOptions): Promise<MockCommentHost> {
  const repo = options.repo ?? 'acme/crm';
  const pr = options.pr ?? 7;
  const project = options.project ?? '42';
  const mr = options.mr ?? 3;
  let nextId = 1000;
  const host: MockCommentHost = { url: '', comments: [], requests: [], readOnly: false, close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      host.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(data));
      };
      const url = new URL(req.url ?? '/', 'http://mock');
      const hub = url.pathname.startsWith('/repos/');
      const authorized = hub
        ? req.headers.authorization === `Bearer ${options.token}`
        : req.headers['private-token'] === options.token;
      if (!authorized) return send(401, { message: 'Bad credentials' });
      const list = hub ? `/repos/${repo}/issues/${pr}/comments` : `/projects/${project}/merge_requests/${mr}/notes`;
      const one = hub
        ? new RegExp(`^/repos/${repo}/issues/comments/(\\d+)$`)
        : new RegExp(`^/projects/${project}/merge_requests/${mr}/notes/(\\d+)$`);
      const write = req.method !== 'GET';
      if (write && host.readOnly) return send(403, { message: 'Resource not accessible by integration' });
      if (url.pathname === list && req.method === 'GET') {
        const per = Math.min(Number(url.searchParams.get('per_page') ?? 30), PER_PAGE_MAX);
        const page = Number(url.searchParams.get('page') ?? 1);
        const slice = host.comments.slice((page - 1) * per, page * per);
        const more = page * per < host.comments.length;
        const next = `${host.url}${list}?per_page=${per}&page=${page + 1}`;
        const headers: Record<string, string> = more
          ? hub
            ? { link: `<${next}>; rel="next"` }
            : { 'x-next-page': String(page + 1) }
          : {};
        return send(200, slice, headers);
      }
      const text = body ? (JSON.parse(body) as { body?: string }).body : undefined;
      if (url.pathname === list && req.method === 'POST' && typeof text === 'string') {
        const c = { id: nextId++, body: text };
        host.comments.push(c);
        return send(201, c);
      }
      const m = one.exec(url.pathname);
      const found = m ? host.comments.find((c) => c.id === Number(m[1])) : undefined;
      if (found && req.method === (hub ? 'PATCH' : 'PUT') && typeof text === 'string') {
        found.body = text;
        return send(200, found);
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  host.close = () => new Promise((resolve) => server.close(() => resolve()));
  return host;
}
