import type { JSX } from 'preact';
import { messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import { filterWords } from '../state/filterWords.ts';
import type { AppState } from '../state/state.ts';
import { citationText } from './Citation.tsx';

// What a printed page needs that the screen shows with controls: the active filters in words, and the
// citation (with the published version) and the address of exactly this view. Hidden on screen (print-only), printed under the map.

export type PrintContextProps = {
  state: AppState;
  /** The address of this view (filters and open country included). */
  url: string;
};

export function PrintContext(props: PrintContextProps): JSX.Element {
  const { doc, domain, undated, version } = useAtlas();
  // The version (number and date) once the dataset is published; the address is this very view's.
  const cite = citationText(doc.dataset.citation, props.url, new Date(), version);
  return (
    <div class="print-only print-context" data-testid="print-context">
      <p class="print-filters" data-testid="print-filters">
        {filterWords(props.state, doc.dataset, domain, undated.length > 0)}
      </p>
      <p class="print-citation" data-testid="print-citation">
        {t.printCitation}: {cite}
      </p>
    </div>
  );
}
