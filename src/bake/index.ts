export { BAKE_MARKER, BakeError, type BakeOptions, type BakeResult, bakeSite, siteFiles } from './bake.ts';
export {
  EDITOR_ROOT,
  ensureEditorBuild,
  ensureWebBuild,
  PACKAGE_ROOT,
  readManifest,
  WEB_ROOT,
  webBuildIsCurrent,
} from './webBuild.ts';
