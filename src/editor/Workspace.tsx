import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DatasetDocument } from '../core/schemas.ts';
import { AccountView } from './AccountView.tsx';
import { AuditView } from './AuditView.tsx';
import { api } from './api.ts';
import { ChangesView } from './ChangesView.tsx';
import { DatasetView } from './DatasetView.tsx';
import type { SessionUser } from './EditorApp.tsx';
import { ImportView } from './ImportView.tsx';
import { NotesView } from './NotesView.tsx';
import { PublishView } from './PublishView.tsx';
import { RecordsView } from './RecordsView.tsx';
import { SourcesView } from './SourcesView.tsx';
import { SuggestionsView } from './SuggestionsView.tsx';
import { t } from './text.ts';
import { UsersView } from './UsersView.tsx';

// The logged-in editor: which dataset, and the records, import and (for admins) users tabs. The dataset document
// is read again after every change, so what the editor shows is what the public map shows.

type Tab =
  | 'records'
  | 'notes'
  | 'sources'
  | 'suggestions'
  | 'changes'
  | 'import'
  | 'publish'
  | 'dataset'
  | 'users'
  | 'audit'
  | 'account';
type DatasetList = { datasets: Array<{ id: string; title: string }> };

export function Workspace(props: { user: SessionUser; onLogOut: () => void }): JSX.Element {
  const [datasets, setDatasets] = useState<DatasetList['datasets']>([]);
  const [datasetId, setDatasetId] = useState<string | null>(null);
  const [doc, setDoc] = useState<DatasetDocument | null>(null);
  const [error, setError] = useState('');
  const [tab, setTab] = useState<Tab>('records');
  /** A record to open in the Records tab (from a suggestion's link). */
  const [openRecord, setOpenRecord] = useState<string | null>(null);

  useEffect(() => {
    void api<DatasetList>('GET', '/api/v1/datasets').then((r) => {
      if (!r.ok) return setError(r.message);
      setDatasets(r.data.datasets);
      const wanted = new URLSearchParams(location.search).get('dataset');
      setDatasetId(r.data.datasets.find((d) => d.id === wanted)?.id ?? r.data.datasets[0]?.id ?? null);
    });
  }, []);

  const reload = useCallback(async (): Promise<void> => {
    if (datasetId === null) return;
    const r = await api<DatasetDocument>('GET', `/api/v1/datasets/${encodeURIComponent(datasetId)}/document`);
    if (r.ok) setDoc(r.data);
    else setError(r.message);
  }, [datasetId]);

  useEffect(() => {
    setDoc(null);
    void reload();
  }, [reload]);

  const tabs: Tab[] = [
    'records',
    'notes',
    'sources',
    'suggestions',
    'changes',
    'import',
    // Publishing is a right of its own (admins have it; an editor when an admin gives it).
    ...(props.user.canPublish ? (['publish'] as const) : []),
    ...(props.user.role === 'admin' ? (['dataset', 'users', 'audit'] as const) : []),
    'account',
  ];
  const mapUrl =
    datasetId === null || datasetId === datasets[0]?.id ? '/' : `/d/${encodeURIComponent(datasetId)}/`;

  return (
    <div class="ed-app">
      <header class="ed-header">
        <div class="ed-brand">
          <h1>{t.appTitle}</h1>
          {datasets.length > 1 ? (
            <label class="ed-inline">
              <span>{t.dataset}</span>
              <select
                value={datasetId ?? ''}
                onChange={(e) => setDatasetId(e.currentTarget.value)}
                data-testid="dataset-select"
              >
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p class="ed-hint">{doc?.dataset.title ?? ''}</p>
          )}
        </div>
        <div class="ed-session">
          <a href={mapUrl} target="_blank" rel="noopener noreferrer">
            {t.publicMap}
          </a>
          <span class="ed-hint" data-testid="whoami">
            {t.loggedInAs(props.user.email, props.user.role)}
          </span>
          <button type="button" class="ed-button" onClick={props.onLogOut} data-testid="logout">
            {t.logOut}
          </button>
        </div>
      </header>
      <nav class="ed-tabs" aria-label={t.appTitle}>
        {tabs.map((k) => (
          <button
            key={k}
            type="button"
            class="ed-tab"
            aria-current={tab === k ? 'page' : undefined}
            onClick={() => {
              setOpenRecord(null);
              setTab(k);
            }}
            data-testid={`tab-${k}`}
          >
            {t.tabs[k]}
          </button>
        ))}
      </nav>
      <main class="ed-main">
        {error ? (
          <p class="ed-error" role="alert">
            {error}
          </p>
        ) : null}
        {doc === null ? (
          <p class="ed-status" role="status">
            {t.loading}
          </p>
        ) : tab === 'records' ? (
          <RecordsView key={openRecord ?? ''} doc={doc} onChanged={reload} openId={openRecord} />
        ) : tab === 'sources' ? (
          <SourcesView doc={doc} onChanged={reload} />
        ) : tab === 'suggestions' ? (
          <SuggestionsView
            doc={doc}
            onOpenRecord={(id) => {
              setOpenRecord(id);
              setTab('records');
            }}
          />
        ) : tab === 'changes' ? (
          <ChangesView doc={doc} />
        ) : tab === 'notes' ? (
          <NotesView doc={doc} onChanged={reload} />
        ) : tab === 'import' ? (
          <ImportView datasetId={doc.dataset.id} categories={doc.dataset.categories} onImported={reload} />
        ) : tab === 'publish' ? (
          <PublishView />
        ) : tab === 'dataset' ? (
          <DatasetView dataset={doc.dataset} onChanged={reload} />
        ) : tab === 'users' ? (
          <UsersView />
        ) : tab === 'audit' ? (
          <AuditView />
        ) : (
          <AccountView />
        )}
      </main>
    </div>
  );
}
