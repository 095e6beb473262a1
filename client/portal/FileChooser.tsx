import { useId, useState, type DragEvent } from 'react';
import { acceptAttribute, formatSize } from './checks';

export interface Chosen {
  id: string;
  file: File;
  problem: string | null;
}

interface Props {
  chosen: Chosen[];
  disabled: boolean;
  onAdd(files: File[]): void;
  onRemove(id: string): void;
}

/** A drop zone that is also a file picker (several files), and the list of chosen files. */
export function FileChooser({ chosen, disabled, onAdd, onRemove }: Props) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) onAdd([...e.dataTransfer.files]);
  };
  return (
    <>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          multiple
          accept={acceptAttribute}
          disabled={disabled}
          onChange={(e) => {
            onAdd([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <label htmlFor={inputId}>
          <strong>Choose files</strong> or drag them here
          <span className="muted">PDF, PNG or JPEG: the certificate and any endorsement pages</span>
        </label>
      </div>
      {chosen.length > 0 && (
        <ul className="chosen" aria-label="Files to send">
          {chosen.map((c) => (
            <li key={c.id} className={c.problem ? 'bad' : undefined}>
              <span className="name">{c.file.name}</span> <span className="muted">{formatSize(c.file.size)}</span>
              <button type="button" onClick={() => onRemove(c.id)} disabled={disabled} aria-label={`Remove ${c.file.name}`}>
                Remove
              </button>
              {c.problem && <p className="problem" role="alert">{c.problem}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
