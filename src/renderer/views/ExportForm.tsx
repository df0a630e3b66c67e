import { useState } from 'react';
import { EXPORT_FORMAT_LABELS, type ExportFormat } from '../../shared/ipc/channels';

/** The export's format; the main process checks the article and the file before anything is written. */
export function ExportForm({ onExport, onCancel }: { onExport(format: ExportFormat): void; onCancel(): void }) {
  const [format, setFormat] = useState<ExportFormat>('nitf');
  return (
    <form
      className="export-form"
      aria-label="Export"
      onSubmit={(e) => {
        e.preventDefault();
        onExport(format);
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <label>
        Format
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {Object.entries(EXPORT_FORMAT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary">
        Export
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
