import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

// One polite live region for the whole page ("Copied", "Saved map.png"); components announce through this
// context rather than each owning a region that screen readers would have to track.

export type Announce = (message: string) => void;

export const AnnounceContext = createContext<Announce>(() => {});

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
