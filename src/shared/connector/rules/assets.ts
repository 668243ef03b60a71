/** Icon rules. Sizes come from the snapshot (the services read image headers; the renderer gets them too). */
import { defineRule, type Rule } from '../rule';
import type { RuleContext } from '../context';
import type { ImageInfo } from '../snapshot';

interface IconSpec {
  readonly key: 'icon_small_name' | 'icon_large_name' | 'icon_medium_name';
  readonly size?: number;
  readonly required: boolean;
}
const ICONS: readonly IconSpec[] = [
  { key: 'icon_small_name', size: 32, required: true },
  { key: 'icon_large_name', size: 80, required: true },
  { key: 'icon_medium_name', required: false },
];

interface IconRef extends IconSpec {
  readonly file: string;
  readonly image: ImageInfo | undefined;
}

const refsByContext = new WeakMap<RuleContext, IconRef[]>();

/** Computed once per run: three rules read it. */
function iconRefs(ctx: RuleContext): IconRef[] {
  let refs = refsByContext.get(ctx);
  if (!refs) {
    refs = [];
    for (const spec of ICONS) {
      const name = ctx.info[spec.key];
      if (typeof name !== 'string' || name.trim() === '') continue;
      const file = `images/${name}`;
      refs.push({ key: spec.key, size: spec.size, required: spec.required, file, image: ctx.snapshot.images[file] });
    }
    refsByContext.set(ctx, refs);
  }
  return refs;
}

export const assetRules: Rule[] = [
  defineRule({
    id: 'icon-name-present',
    severity: 'warning',
    family: 'assets',
    title: 'Small and large icons are named',
    description: 'Certification requires icon_small_name and icon_large_name.',
    check({ info }, report) {
      for (const spec of ICONS)
        if (spec.required && (typeof info[spec.key] !== 'string' || (info[spec.key] as string).trim() === ''))
          report({ pointer: `/${spec.key}`, message: `"${spec.key}" is missing: add the file name of a ${spec.size}x${spec.size} PNG in images/.` });
    },
  }),
  defineRule({
    id: 'icon-file-exists',
    severity: 'warning',
    family: 'assets',
    title: 'Icon files exist in images/',
    description: 'A missing icon shows a blank tile; the import still succeeds (two published connectors miss one).',
    check(ctx, report) {
      const lower = new Map(Object.keys(ctx.snapshot.images).map((p) => [p.toLowerCase(), p]));
      for (const ref of iconRefs(ctx)) {
        if (ref.image) continue;
        const other = lower.get(ref.file.toLowerCase());
        const hint = other ? ` (found '${other}', which differs in case)` : '';
        report({ pointer: `/${ref.key}`, message: `Icon '${ref.file}' does not exist${hint}: add the file or fix "${ref.key}".` });
      }
    },
  }),
  defineRule({
    id: 'icon-format',
    severity: 'warning',
    family: 'assets',
    title: 'Icons are PNG or JPEG',
    description: 'The Engine inspector accepts PNG and JPEG icons only.',
    check(ctx, report) {
      for (const ref of iconRefs(ctx))
        if (ref.image && 'error' in ref.image) report({ pointer: `/${ref.key}`, message: `Icon '${ref.file}' cannot be read (${ref.image.error}): save it as PNG.` });
    },
  }),
  defineRule({
    id: 'icon-size',
    severity: 'warning',
    family: 'assets',
    title: 'Icons are 32x32 (small) and 80x80 (large)',
    description: 'The Engine inspector checks icon pixel sizes; other sizes get scaled and look blurred.',
    check(ctx, report) {
      for (const ref of iconRefs(ctx)) {
        const img = ref.image;
        if (!img || 'error' in img || ref.size === undefined || (img.width === ref.size && img.height === ref.size)) continue;
        report({ pointer: `/${ref.key}`, message: `Icon '${ref.file}' is ${img.width}x${img.height}; the ${ref.key === 'icon_small_name' ? 'small' : 'large'} icon should be ${ref.size}x${ref.size}: resize it.` });
      }
    },
  }),
];
