import { useState } from 'react';
import type { Tab } from '../../store/editor/tabs';

export function ImagePreview({ tab }: { tab: Tab }) {
  const [size, setSize] = useState<string | null>(null);
  const name = tab.relPath.slice(tab.relPath.lastIndexOf('/') + 1);
  return (
    <div className="image-preview" data-testid="image-preview">
      <div className="image-frame">
        <img src={tab.imageSrc} alt={`Preview of ${name}`} onLoad={(e) => setSize(`${e.currentTarget.naturalWidth} × ${e.currentTarget.naturalHeight} px`)} />
      </div>
      {size && <p className="muted">{size}</p>}
    </div>
  );
}
