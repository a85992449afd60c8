import type { Dataset } from '../core/schemas.ts';
import type { VersionSummary } from '../store/types.ts';
import { changeSummary, describeEntry, LIST_LIMIT, versionUrn } from './changeLog.ts';

// The change log as an Atom 1.0 feed (RFC 4287; /changes.atom): one entry per version, newest first. Links are
// relative to the feed's own address (the page /changes/ and /v/N/ sit beside it), so the same file is right on
// the live server and on any static host. Every text is XML-escaped.

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .split('')
    .filter(xmlAllowed)
    .join('');
}

/** XML 1.0 has no way to write most control characters, even escaped: they are dropped. */
function xmlAllowed(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

export type ChangesFeedOptions = {
  dataset: Dataset;
  versions: readonly VersionSummary[];
  /** The feed's own absolute address when known (the live server knows it); else a relative one. */
  selfUrl?: string;
};

function entryText(dataset: Dataset, v: VersionSummary): string {
  const lines = [changeSummary(v)];
  if (v.note) lines.unshift(v.note);
  const kinds = [
    ['Added', v.changes.added],
    ['Changed', v.changes.changed],
    ['Removed', v.changes.removed],
  ] as const;
  for (const [label, entries] of kinds) {
    for (const e of entries.slice(0, LIST_LIMIT)) lines.push(`${label}: ${describeEntry(dataset, e)}`);
    if (entries.length > LIST_LIMIT) lines.push(`${label}: … and ${entries.length - LIST_LIMIT} more`);
  }
  return lines.join('\n');
}

export function renderChangesFeed(opts: ChangesFeedOptions): string {
  const { dataset, versions } = opts;
  const self = opts.selfUrl ?? 'changes.atom';
  const base = new URL('./', new URL(self, 'http://relative.invalid/'));
  const rel = (path: string): string => (opts.selfUrl ? new URL(path, base).href : path);
  const author = dataset.credits[0]?.name ?? dataset.title;
  const updated = versions[0]?.publishedAt ?? '1970-01-01T00:00:00.000Z';
  const feedId = versionUrn(dataset.id, {
    number: 0,
    publishedAt: versions.at(-1)?.publishedAt ?? dataset.id,
  });
  const entries = versions.map((v) =>
    [
      '  <entry>',
      `    <id>${versionUrn(dataset.id, v)}</id>`,
      `    <title>${escapeXml(`Version ${v.number}: ${changeSummary(v)}`)}</title>`,
      `    <updated>${escapeXml(v.publishedAt)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(rel(`v/${v.number}/`))}"/>`,
      `    <content type="text">${escapeXml(entryText(dataset, v))}</content>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${feedId}</id>`,
    `  <title>${escapeXml(`Changes · ${dataset.title}`)}</title>`,
    dataset.description ? `  <subtitle>${escapeXml(dataset.description)}</subtitle>` : '',
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <author><name>${escapeXml(author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(rel('changes/'))}"/>`,
    `  <rights>${escapeXml(dataset.license.name)}</rights>`,
    ...entries,
    '</feed>',
    '',
  ]
    .filter((s) => s !== '')
    .join('\n');
}
