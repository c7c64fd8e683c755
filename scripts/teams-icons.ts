// Draws the Teams app icons (manifests/teams/color.png 192×192, outline.png 32×32) from two small SVGs with resvg.
import { writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** A rising bar chart under a "T": Titan, and the numbers it reads. Shapes only, so no font is needed. */
const COLOR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
  <rect width="192" height="192" rx="36" fill="#1F6FEB"/>
  <rect x="44" y="36" width="104" height="22" rx="6" fill="#FFFFFF"/>
  <rect x="85" y="36" width="22" height="80" rx="6" fill="#FFFFFF"/>
  <rect x="44" y="136" width="22" height="20" rx="4" fill="#9CC3FF"/>
  <rect x="85" y="124" width="22" height="32" rx="4" fill="#C9DDFF"/>
  <rect x="126" y="108" width="22" height="48" rx="4" fill="#FFFFFF"/>
</svg>`;

/** Teams wants the outline icon white on transparent. */
const OUTLINE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
  <rect x="5" y="4" width="22" height="5" rx="1.5" fill="#FFFFFF"/>
  <rect x="13.5" y="4" width="5" height="16" rx="1.5" fill="#FFFFFF"/>
  <rect x="5" y="24" width="5" height="4" rx="1" fill="#FFFFFF"/>
  <rect x="13.5" y="22" width="5" height="6" rx="1" fill="#FFFFFF"/>
  <rect x="22" y="19" width="5" height="9" rx="1" fill="#FFFFFF"/>
</svg>`;

const render = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();

const dir = new URL('../manifests/teams/', import.meta.url);
writeFileSync(new URL('color.png', dir), render(COLOR_SVG));
writeFileSync(new URL('outline.png', dir), render(OUTLINE_SVG));
console.log('wrote manifests/teams/color.png and outline.png');
