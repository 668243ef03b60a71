/** Follows one pointer drag from its pointerdown to its pointerup, reporting how far the pointer has moved
 * along one axis; the body gets `resizing` meanwhile so text is not selected and the cursor stays put. */
export function followDrag(e: React.PointerEvent<HTMLElement>, axis: 'x' | 'y', onMove: (delta: number) => void): void {
  e.preventDefault();
  const at = (p: { clientX: number; clientY: number }) => (axis === 'x' ? p.clientX : p.clientY);
  const from = at(e);
  const target = e.currentTarget;
  target.setPointerCapture(e.pointerId);
  const move = (ev: PointerEvent) => onMove(at(ev) - from);
  const up = () => {
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', up);
    document.body.classList.remove('resizing', 'resizing-rows');
  };
  document.body.classList.add('resizing', ...(axis === 'y' ? ['resizing-rows'] : []));
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', up);
}
