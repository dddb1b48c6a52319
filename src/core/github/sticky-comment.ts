import type { GitHubClient } from './client.js';

export interface StickyTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Hidden marker that identifies this gate's comment (see commentMarker). */
  marker: string;
  /** Login of the token's identity: only comments written by it are ours. */
  author: string;
}

export interface StickyResult {
  id: number;
  action: 'created' | 'updated';
  /** Duplicates of ours (from a racing job) that were removed. */
  removed: number[];
  htmlUrl?: string;
}

interface Comment {
  id: number;
  body?: string;
  user: { login: string } | null;
}

async function ours(client: GitHubClient, t: StickyTarget): Promise<Comment[]> {
  const all = await client.paginate(client.rest.issues.listComments, {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100,
  });
  // The marker alone is not proof: anyone can paste it into a comment. Require our own authorship too.
  return (all as Comment[]).filter((c) => c.user?.login === t.author && (c.body ?? '').includes(t.marker)).sort((a, b) => a.id - b.id);
}

/**
 * Create or update the one comment of this gate on the PR. When two jobs race and both create one, the oldest
 * wins: it gets the newest body and the younger duplicates are deleted.
 */
export async function upsertStickyComment(client: GitHubClient, t: StickyTarget, body: string): Promise<StickyResult> {
  const full = body.includes(t.marker) ? body : `${t.marker}\n${body}`;
  let mine = await ours(client, t);
  let action: StickyResult['action'] = 'updated';
  let htmlUrl: string | undefined;
  if (mine.length === 0) {
    const { data } = await client.rest.issues.createComment({ owner: t.owner, repo: t.repo, issue_number: t.issueNumber, body: full });
    action = 'created';
    htmlUrl = data.html_url;
    mine = await ours(client, t);
    if (mine.length <= 1) return { id: data.id, action, removed: [], htmlUrl };
  }
  const [oldest, ...dupes] = mine;
  if (!oldest) throw new Error('sticky comment vanished while updating it');
  if (action === 'updated' || oldest.body !== full) {
    const { data } = await client.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: oldest.id, body: full });
    htmlUrl = data.html_url;
  }
  const removed: number[] = [];
  for (const d of dupes) {
    try {
      await client.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: d.id });
      removed.push(d.id);
    } catch (e) {
      // The racing job may have deleted it already.
      if ((e as { status?: number }).status !== 404) throw e;
    }
  }
  return { id: oldest.id, action, removed, htmlUrl };
}
