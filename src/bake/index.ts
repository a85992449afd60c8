export {
  BAKE_MARKER,
  BakeError,
  type BakeOptions,
  type BakeResult,
  bakeSite,
  frozenVersion,
  liveVersion,
  siteFiles,
} from './bake.ts';
export { renderChangesFeed } from './changesFeed.ts';
export { renderChangesPage } from './changesPage.ts';
export { LEASE_MS, PUBLISH_LEASE, PublishBusyError, withPublishLease } from './publishLease.ts';
export {
  MAX_NOTE_LENGTH,
  type PublishOptions,
  type PublishResult,
  publishVersion,
} from './publishVersion.ts';
export {
  EDITOR_ROOT,
  ensureEditorBuild,
  ensureWebBuild,
  PACKAGE_ROOT,
  readManifest,
  WEB_ROOT,
  webBuildIsCurrent,
} from './webBuild.ts';
