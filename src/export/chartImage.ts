// Any chart's <svg> as a standalone SVG file or a PNG. The page styles charts with CSS
// variables and class rules; those do not travel with the SVG, so the computed presentation
// properties are copied onto the clone first. With a context, the chart is framed by its title,
// period, filters, data source, "as of" and legend (./contextFrame.ts).
import type { ExportContext } from './context';
import { framed, legendOf } from './contextFrame';

/** What frames an exported chart; absent = the bare chart. */
export interface ExportFrame {
  readonly title: string;
  readonly context: ExportContext;
}

const PRESENTATION = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** A standalone SVG document of the chart, with its on-screen look inlined. */
export function svgText(svg: SVGSVGElement, frame?: ExportFrame): string {
  const clone = svg.cloneNode(true);
  if (!(clone instanceof SVGSVGElement)) throw new Error('The chart is not an SVG element.');
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, i) => {
    const copy = target[i];
    if (!(copy instanceof SVGElement)) return;
    const style = getComputedStyle(el);
    for (const prop of PRESENTATION) copy.style.setProperty(prop, style.getPropertyValue(prop));
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(Math.round(width)));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(Math.round(height)));
  const out = frame
    ? framed(clone, { width: Math.round(width), height: Math.round(height) }, frame.title, frame.context, legendOf(svg))
    : clone;
  const xml = new XMLSerializer().serializeToString(out);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

export function svgBlob(svg: SVGSVGElement, frame?: ExportFrame): Blob {
  return new Blob([svgText(svg, frame)], { type: 'image/svg+xml' });
}

/** The chart drawn on a white canvas at `scale`× its size (2 = sharp on paper and HiDPI screens). */
export async function pngBlob(svg: SVGSVGElement, frame?: ExportFrame, scale = 2): Promise<Blob> {
  const text = svgText(svg, frame);
  // The framed SVG is taller than the chart on screen: size the canvas from the document itself.
  const size = /<svg[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(text);
  const box = svg.getBoundingClientRect();
  const width = size ? Number(size[1]) : box.width;
  const height = size ? Number(size[2]) : box.height;
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw a PNG (no 2D canvas).');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
