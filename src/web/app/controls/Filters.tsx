import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { FlagRule } from '../../../core/filters.ts';
import type { Status } from '../../../core/schemas.ts';
import { messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import { STATUSES } from '../state/state.ts';

// Region, status and the two flags (non-governmental, multilateral). Plain selects: every option is visible and
// operable without custom keyboard handling.

export type FiltersProps = {
  region: string | null;
  nonGovernmental: FlagRule;
  multilateral: FlagRule;
  status: Status | null;
  onRegion: (region: string | null) => void;
  onStatus: (status: Status | null) => void;
  onFlag: (flag: 'nonGovernmental' | 'multilateral', rule: FlagRule) => void;
};

const RULES: readonly FlagRule[] = ['include', 'exclude', 'only'];

function FlagSelect(props: {
  label: string;
  value: FlagRule;
  testid: string;
  onChange: (rule: FlagRule) => void;
}): JSX.Element {
  const id = useId();
  return (
    <div class="control">
      <label class="control-label" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        class="select"
        value={props.value}
        data-testid={props.testid}
        onChange={(e) => props.onChange(RULES.find((r) => r === e.currentTarget.value) ?? 'include')}
      >
        {RULES.map((r) => (
          <option key={r} value={r}>
            {t.flagRule[r]}
          </option>
        ))}
      </select>
    </div>
  );
}

function StatusSelect(props: { value: Status | null; onChange: (s: Status | null) => void }): JSX.Element {
  const id = useId();
  return (
    <div class="control">
      <label class="control-label" for={id}>
        {t.statusLabel}
      </label>
      <select
        id={id}
        class="select"
        value={props.value ?? ''}
        data-testid="filter-status"
        onChange={(e) => props.onChange(STATUSES.find((s) => s === e.currentTarget.value) ?? null)}
      >
        <option value="">{t.statusAll}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t.status[s]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Filters(props: FiltersProps): JSX.Element {
  const { regions } = useAtlas();
  const id = useId();
  return (
    <>
      {regions.length > 1 ? (
        <div class="control">
          <label class="control-label" for={id}>
            {t.regionLabel}
          </label>
          <select
            id={id}
            class="select"
            value={props.region ?? ''}
            data-testid="region"
            onChange={(e) => props.onRegion(e.currentTarget.value || null)}
          >
            <option value="">{t.regionAll}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <StatusSelect value={props.status} onChange={props.onStatus} />
      <FlagSelect
        label={t.flagNonGovernmental}
        value={props.nonGovernmental}
        testid="filter-nongovernmental"
        onChange={(rule) => props.onFlag('nonGovernmental', rule)}
      />
      <FlagSelect
        label={t.flagMultilateral}
        value={props.multilateral}
        testid="filter-multilateral"
        onChange={(rule) => props.onFlag('multilateral', rule)}
      />
    </>
  );
}
