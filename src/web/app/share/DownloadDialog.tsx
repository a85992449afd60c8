import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Agreement, CountryNote, DatasetDocument } from '../../../core/schemas.ts';
import { messages as t } from '../../text.ts';
import { Dialog } from './Dialog.tsx';
import {
  DATA_FORMATS,
  type DataFormat,
  downloadData,
  downloadImage,
  fileName,
  IMAGE_FORMATS,
  type ImageFormat,
} from './downloads.ts';

export type DownloadDialogProps = {
  doc: DatasetDocument;
  agreements: readonly Agreement[];
  notes: readonly CountryNote[];
  /** True when no filter is set: the files are then the whole dataset. */
  everything: boolean;
  /** The map as a self-contained SVG, or null while the map has not loaded. */
  mapSvg: (() => Promise<string>) | null;
  opener: HTMLElement | null;
  onClose: () => void;
};

const LABELS: Record<DataFormat | ImageFormat, string> = {
  csv: t.downloadCsv,
  xlsx: t.downloadXlsx,
  json: t.downloadJson,
  geojson: t.downloadGeoJson,
  svg: t.downloadSvg,
  png: t.downloadPng,
};

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function DownloadDialog(props: DownloadDialogProps): JSX.Element {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const id = props.doc.dataset.id;

  const run = async (name: string, work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setStatus(t.downloadBusy);
    try {
      await work();
      setStatus(t.downloadDone(name));
    } catch (e) {
      setStatus(t.downloadFailed(reason(e)));
    } finally {
      setBusy(false);
    }
  };

  const data = (format: DataFormat): Promise<void> => {
    const name = fileName(id, props.everything, format);
    return run(name, () => downloadData(format, props.doc, props.agreements, props.notes, name));
  };
  const image = (format: ImageFormat): Promise<void> => {
    const name = fileName(`${id}-map`, props.everything, format);
    const svg = props.mapSvg;
    if (svg === null) {
      setStatus(t.downloadNoMap);
      return Promise.resolve();
    }
    return run(name, async () => downloadImage(format, await svg(), name));
  };

  return (
    <Dialog title={t.downloadTitle} testid="download-dialog" opener={props.opener} onClose={props.onClose}>
      <p>{t.downloadIntro(props.agreements.length)}</p>
      <h3 class="dialog-subtitle">{t.downloadData}</h3>
      <div class="button-row">
        {DATA_FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            class="button"
            disabled={busy}
            data-testid={`download-${f}`}
            onClick={() => data(f)}
          >
            {LABELS[f]}
          </button>
        ))}
      </div>
      <h3 class="dialog-subtitle">{t.downloadImages}</h3>
      <div class="button-row">
        {IMAGE_FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            class="button"
            disabled={busy || props.mapSvg === null}
            data-testid={`download-${f}`}
            onClick={() => image(f)}
          >
            {LABELS[f]}
          </button>
        ))}
      </div>
      <p class="hint" role="status" data-testid="download-status">
        {status}
      </p>
    </Dialog>
  );
}
