import { HEIGHT_MESSAGE, type HeightMessage } from './embedCode.ts';

// In an iframe the page tells its parent how tall it is, whenever that changes, so the host page can size
// the frame to fit. Only the height is sent; '*' is safe because nothing private is in the message.

export function postHeightToParent(): () => void {
  if (window.parent === window) return () => {};
  let last = -1;
  const send = (): void => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const msg: HeightMessage = { type: HEIGHT_MESSAGE, height };
    window.parent.postMessage(msg, '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(document.documentElement);
  send();
  return () => observer.disconnect();
}
