import { deflateSync, inflateSync } from 'node:zlib';

import { sniff } from '../../../platform/util/file-type';
import type { EvidenceMime } from './milestone-rules';

/**
 * Evidence files typed by content (magic bytes), and the thumbnails Node alone can make — the fallback when sharp
 * (EvidenceService) cannot read a picture: a PNG decoded and scaled down here (zlib); a camera JPEG's own EXIF
 * thumbnail taken as it is. Anything else has no thumbnail: the original is served in its place.
 */

/** The shared sniffer (JPEG, PNG, PDF) plus WebP (RIFF….WEBP), which only evidence photos accept. */
export function sniffEvidence(content: Buffer): EvidenceMime | null {
  const t = sniff(content);
  if (t !== null) return t;
  if (
    content.length >= 12 &&
    content.subarray(0, 4).toString('latin1') === 'RIFF' &&
    content.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

export const THUMBNAIL_MAX_SIDE = 320;

export interface Thumbnail {
  mime: 'image/png' | 'image/jpeg';
  content: Buffer;
}

/** A smaller picture of a photo, or null when none can be made here (then the original stands in). */
export function makeThumbnail(content: Buffer, mime: EvidenceMime): Thumbnail | null {
  try {
    if (mime === 'image/png') return pngThumbnail(content, THUMBNAIL_MAX_SIDE);
    if (mime === 'image/jpeg') {
      const exif = exifThumbnail(content);
      return exif ? { mime: 'image/jpeg', content: exif } : null;
    }
  } catch {
    // a damaged or unusual file: no thumbnail, the original is served
  }
  return null;
}

// ---- JPEG: the EXIF thumbnail (IFD1, JPEGInterchangeFormat / JPEGInterchangeFormatLength)

export function exifThumbnail(jpeg: Buffer): Buffer | null {
  let p = 2;
  while (p + 4 <= jpeg.length && jpeg[p] === 0xff) {
    const marker = jpeg[p + 1];
    const len = jpeg.readUInt16BE(p + 2);
    if (marker === 0xda) break; // start of scan: no more metadata
    if (marker === 0xe1 && jpeg.subarray(p + 4, p + 10).toString('latin1') === 'Exif\0\0') {
      return fromTiff(jpeg.subarray(p + 10, p + 2 + len));
    }
    p += 2 + len;
  }
  return null;
}

function fromTiff(t: Buffer): Buffer | null {
  if (t.length < 8) return null;
  const le = t.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const ifd0 = u32(4);
  if (ifd0 + 2 > t.length) return null;
  const n0 = u16(ifd0);
  const ifd1 = u32(ifd0 + 2 + n0 * 12);
  if (ifd1 === 0 || ifd1 + 2 > t.length) return null;
  let offset = -1;
  let length = -1;
  const n1 = u16(ifd1);
  for (let i = 0; i < n1; i++) {
    const e = ifd1 + 2 + i * 12;
    if (e + 12 > t.length) return null;
    const tag = u16(e);
    if (tag === 0x0201) offset = u32(e + 8);
    if (tag === 0x0202) length = u32(e + 8);
  }
  if (offset <= 0 || length <= 0 || offset + length > t.length) return null;
  const thumb = Buffer.from(t.subarray(offset, offset + length));
  return thumb[0] === 0xff && thumb[1] === 0xd8 ? thumb : null;
}

// ---- PNG: decode (8-bit, non-interlaced; grey, RGB, palette, grey+alpha, RGBA), box-scale, encode RGBA

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function pngThumbnail(png: Buffer, maxSide: number): Thumbnail | null {
  let p = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = 0;
  let interlace = 0;
  let palette: Buffer | null = null;
  let trns: Buffer | null = null;
  const idat: Buffer[] = [];
  while (p + 8 <= png.length) {
    const len = png.readUInt32BE(p);
    const type = png.subarray(p + 4, p + 8).toString('latin1');
    const data = png.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      colour = data[9];
      interlace = data[12];
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    p += 12 + len;
  }
  const channels = CHANNELS[colour];
  if (depth !== 8 || interlace !== 0 || channels === undefined || width === 0 || height === 0) return null;
  if (width * height > 16_000_000) return null; // bounded memory: larger PNGs are served as they are
  if (Math.max(width, height) <= maxSide) return null; // already small: the original is its own thumbnail
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) return null;
  const pixels = Buffer.alloc(height * stride);
  const prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y === 0 ? prev : pixels.subarray((y - 1) * stride, y * stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = up[x];
      const c = x >= channels ? up[x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[x] = v & 0xff;
    }
  }
  const rgba = (i: number): [number, number, number, number] => {
    const o = i * channels;
    switch (colour) {
      case 0:
        return [pixels[o], pixels[o], pixels[o], 255];
      case 2:
        return [pixels[o], pixels[o + 1], pixels[o + 2], 255];
      case 3: {
        const k = pixels[o];
        const pal = palette ?? Buffer.alloc(0);
        return [pal[k * 3] ?? 0, pal[k * 3 + 1] ?? 0, pal[k * 3 + 2] ?? 0, trns && k < trns.length ? trns[k] : 255];
      }
      case 4:
        return [pixels[o], pixels[o], pixels[o], pixels[o + 1]];
      default:
        return [pixels[o], pixels[o + 1], pixels[o + 2], pixels[o + 3]];
    }
  };
  const scale = maxSide / Math.max(width, height);
  const tw = Math.max(1, Math.round(width * scale));
  const th = Math.max(1, Math.round(height * scale));
  const out = Buffer.alloc(th * (tw * 4 + 1));
  for (let ty = 0; ty < th; ty++) {
    const y0 = Math.floor((ty * height) / th);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * height) / th));
    out[ty * (tw * 4 + 1)] = 0;
    for (let tx = 0; tx < tw; tx++) {
      const x0 = Math.floor((tx * width) / tw);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * width) / tw));
      const sum = [0, 0, 0, 0];
      // sample at most 4×4 source pixels per target pixel: enough for a thumbnail, bounded work
      const sy = Math.max(1, Math.floor((y1 - y0) / 4));
      const sx = Math.max(1, Math.floor((x1 - x0) / 4));
      let n = 0;
      for (let y = y0; y < y1; y += sy)
        for (let x = x0; x < x1; x += sx) {
          const px = rgba(y * width + x);
          for (let k = 0; k < 4; k++) sum[k] += px[k];
          n++;
        }
      const o = ty * (tw * 4 + 1) + 1 + tx * 4;
      for (let k = 0; k < 4; k++) out[o + k] = Math.round(sum[k] / n);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(tw, 0);
  ihdr.writeUInt32BE(th, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return {
    mime: 'image/png',
    content: Buffer.concat([
      PNG_SIGNATURE,
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(out)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  };
}

/** A PNG of `width`×`height` RGB pixels from `pixel(x, y)`: for tests and fixtures. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]) {
  const raw = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([len, body, crc]);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
