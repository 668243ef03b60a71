import { imageSize } from '../../../../shared/connector/image-header';
import { decodeBase64 } from '../../../../shared/connector/wizard';

export type IconSlot = 'small' | 'large';
export const ICON_TARGET: Record<IconSlot, number> = { small: 32, large: 80 };

export interface IconInfo {
  readonly width: number;
  readonly height: number;
  readonly format: 'png' | 'jpeg';
  /** True when the service will scale it while writing the project (icons.ts scales anything not target-sized). */
  readonly scaled: boolean;
}

/** What the About step says under a logo: its real pixel size, read from the bytes the user picked. */
export function iconInfo(base64: string | undefined, slot: IconSlot): IconInfo | null {
  if (!base64) return null;
  const size = imageSize(decodeBase64(base64));
  if (!size) return null;
  const want = ICON_TARGET[slot];
  return { ...size, scaled: size.width !== want || size.height !== want || size.format !== 'png' };
}

export const dataUrlOf = (base64: string) => `data:${base64.startsWith('/9j/') ? 'image/jpeg' : 'image/png'};base64,${base64}`;
