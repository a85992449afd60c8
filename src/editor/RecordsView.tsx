import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { countryName } from '../core/countries/index.ts';
import { formatPartialIso } from '../core/partialDate.ts';
import type { Agreement, DatasetDocument } from '../core/schemas.ts';
import { useOpenForm } from './EditForm.tsx';
import { RecordForm } from './RecordForm.tsx';
import { t } from './text.ts';

// Every record of the dataset in one searchable table; choosing one opens it in the form beside the table.

const partnerNames = (a: Agreement): string => a.partners.map(countryName).join(', ');

/** Rows drawn at once; a search narrows a large dataset down. */
const MAX_ROWS = 500;

function matches(a: Agreement, words: string[], categoryLabel: string): boolean {
  if (words.length === 0) return true;
  const hay = [
    partnerNames(a),
    a.partners.join(' '),
    a.title,
    a.summary,
    categoryLabel,
    a.date.text,
    ...a.sources.map((s) => s.url),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function RecordsView(props: {
  doc: DatasetDocument;
  onChanged: () => Promise<void>;
  /** A record to open at once (a suggestion's "Open the record"). */
  openId?: string | null;
}): JSX.Element {
  const { doc } = props;
  const [query, setQuery] = useState('');
  const { open, current, notice, choose, saved, formKey } = useOpenForm(
    doc.agreements,
    props.onChanged,
    props.openId ?? null,
  );
  const label = useMemo(() => new Map(doc.dataset.categories.map((c) => [c.id as string, c.label])), [doc]);

  const rows = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return doc.agreements
      .filter((a) => matches(a, words, label.get(a.category) ?? ''))
      .sort((x, y) => partnerNames(x).localeCompare(partnerNames(y)) || x.category.localeCompare(y.category));
  }, [doc, query, label]);

  return (
    <div class={`ed-records${open ? ' ed-with-form' : ''}`}>
      <section class="ed-list" aria-labelledby="ed-records-title">
        <div class="ed-toolbar">
          <h2 id="ed-records-title" class="ed-count" data-testid="record-count">
            {t.recordCount(rows.length, doc.agreements.length)}
          </h2>
          <label class="ed-field ed-grow">
            <span>{t.search}</span>
            <input
              type="search"
              value={query}
              placeholder={t.searchPlaceholder}
              onInput={(e) => setQuery(e.currentTarget.value)}
              data-testid="record-search"
            />
          </label>
          <button
            type="button"
            class="ed-button ed-primary"
            onClick={() => choose('new')}
            data-testid="new-record"
          >
            {t.newRecord}
          </button>
        </div>
        {rows.length > MAX_ROWS ? (
          <p class="ed-hint" role="status">
            {t.firstRows(MAX_ROWS)}
          </p>
        ) : null}
        <div class="ed-table-wrap">
          <table class="ed-table" data-testid="record-table">
            <thead>
              <tr>
                <th scope="col">{t.columns.country}</th>
                <th scope="col">{t.columns.category}</th>
                <th scope="col">{t.columns.date}</th>
                <th scope="col">{t.columns.summary}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, MAX_ROWS).map((a) => (
                <tr key={a.id} aria-selected={open === a.id ? 'true' : undefined}>
                  <th scope="row">
                    <button type="button" class="ed-link" onClick={() => choose(a.id)} data-record={a.id}>
                      {partnerNames(a)}
                    </button>
                  </th>
                  <td>{label.get(a.category) ?? a.category}</td>
                  <td>{a.date.year === null ? t.undated : formatPartialIso(a.date)}</td>
                  <td class="ed-summary">{a.title || a.summary || t.noSummary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {open !== null ? (
        <RecordForm
          key={formKey}
          dataset={doc.dataset}
          agreement={current}
          notice={notice}
          onClose={() => choose(null)}
          onSaved={saved}
        />
      ) : null}
    </div>
  );
}
