// Vite's asset imports as the page uses them: `?url` gives the hashed URL of a file emitted beside the bundle.
declare module '*?url' {
  const url: string;
  export default url;
}
