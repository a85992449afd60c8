import type { JSX, TargetedEvent } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import type { UndatedSelection } from '../selection/selectAgreements.ts';
import type { HistoryMode } from '../state/usePageState.ts';
import { moveRangeEnd, playStart, playStep, type YearRange } from './years.ts';

// Two native range inputs share one track: each is keyboard-operable and announced by the browser, which a
// custom two-thumb widget would have to re-implement. The first input of a drag pushes a history entry and
// the rest replace it, so Back returns to where the drag began.

export type TimelineProps = {
  range: YearRange;
  /** Undated agreements under the current range: null at the full span (they are simply in). */
  undated: UndatedSelection | null;
  /** The reader's choice: show undated agreements apart while a range is set. */
  showUndated: boolean;
  playing: boolean;
  onPlaying: (playing: boolean) => void;
  onRange: (range: YearRange, mode: HistoryMode) => void;
  onUndated: (undated: boolean) => void;
};

const STEP_MS = 900;

export function Timeline(props: TimelineProps): JSX.Element | null {
  const { domain, undated } = useAtlas();
  const id = useId();
  const { playing, onPlaying: setPlaying } = props;
  const dragging = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!playing || domain === null) return;
    const timer = window.setInterval(() => {
      const next = playStep(latest.current.range, domain);
      if (next === null) setPlaying(false);
      else latest.current.onRange(next, 'replace');
    }, STEP_MS);
    return () => window.clearInterval(timer);
  }, [playing, domain, setPlaying]);

  if (domain === null) return null;
  const { range } = props;
  const span = Math.max(1, domain.max - domain.min);
  const pct = (y: number): number => ((y - domain.min) / span) * 100;

  const onInput =
    (end: 'from' | 'to') =>
    (e: TargetedEvent<HTMLInputElement>): void => {
      const mode: HistoryMode = dragging.current ? 'replace' : 'push';
      dragging.current = true;
      setPlaying(false);
      props.onRange(moveRangeEnd(range, end, Number(e.currentTarget.value), domain), mode);
    };
  const onCommit = (): void => {
    dragging.current = false;
  };

  const togglePlay = (): void => {
    if (playing) {
      setPlaying(false);
      return;
    }
    props.onRange(playStart(range, domain), 'push');
    setPlaying(true);
  };

  const parts = undated.map((p) =>
    p.all ? t.undatedAll(p.category.label) : t.undatedSome(p.category.label),
  );

  return (
    <fieldset class="timeline" data-testid="timeline">
      <legend class="control-label">
        {t.timelineLabel}{' '}
        <output class="timeline-value" data-testid="timeline-value" for={`${id}-from ${id}-to`}>
          {t.timelineRange(range.from, range.to)}
        </output>
      </legend>
      <div class="timeline-row">
        <button
          type="button"
          class="icon-button play"
          aria-pressed={playing}
          aria-label={playing ? t.pause : t.play}
          data-testid="timeline-play"
          onClick={togglePlay}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            {playing ? (
              <path d="M4 3h3v10H4zM9 3h3v10H9z" fill="currentColor" />
            ) : (
              <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
            )}
          </svg>
        </button>
        <span class="timeline-end" aria-hidden="true">
          {domain.min}
        </span>
        <div class="range">
          <svg class="range-track" aria-hidden="true" focusable="false">
            <rect class="range-rail" x="0" y="45%" width="100%" height="10%" rx="2" />
            <rect
              class="range-fill"
              x={`${pct(range.from)}%`}
              y="35%"
              width={`${pct(range.to) - pct(range.from)}%`}
              height="30%"
              rx="2"
            />
          </svg>
          <input
            id={`${id}-from`}
            type="range"
            class="range-input range-from"
            min={domain.min}
            max={domain.max}
            step={1}
            value={range.from}
            aria-label={t.timelineFrom}
            data-testid="timeline-from"
            onInput={onInput('from')}
            onChange={onCommit}
          />
          <input
            id={`${id}-to`}
            type="range"
            class="range-input range-to"
            min={domain.min}
            max={domain.max}
            step={1}
            value={range.to}
            aria-label={t.timelineTo}
            data-testid="timeline-to"
            onInput={onInput('to')}
            onChange={onCommit}
          />
        </div>
        <span class="timeline-end" aria-hidden="true">
          {domain.max}
        </span>
      </div>
      {props.undated === null ? (
        <p class="hint undated">{t.undatedNote(parts)}</p>
      ) : (
        <div class="undated">
          <p class="undated-status" data-testid="undated-status">
            {props.undated.apart
              ? t.undatedApart(props.undated.records)
              : t.undatedLeftOut(props.undated.records)}
          </p>
          <input
            id={`${id}-undated`}
            type="checkbox"
            checked={props.showUndated}
            disabled={playing}
            data-testid="timeline-undated"
            onChange={(e) => props.onUndated(e.currentTarget.checked)}
          />
          <label for={`${id}-undated`}>{playing ? t.undatedWhilePlaying : t.undatedToggle}</label>
        </div>
      )}
    </fieldset>
  );
}
