/**
 * The time a camera wrote into a JPEG (EXIF DateTimeOriginal, else the IFD0 DateTime), read without a library: the
 * APP1 "Exif" segment holds a TIFF structure (IFD0 → the Exif IFD by tag 0x8769 → 0x9003 DateTimeOriginal and 0x9011
 * OffsetTimeOriginal). An EXIF time is a wall-clock time; with its offset it is an instant, without one it is read as
 * Beijing time (UTC+08:00), where the site visits happen. A damaged or absent segment gives null, never an error.
 */

const DATE_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

export function exifTakenAt(jpeg: Buffer): Date | null {
  try {
    const tiff = exifTiff(jpeg);
    return tiff ? fromTiff(tiff) : null;
  } catch {
    return null;
  }
}

function exifTiff(jpeg: Buffer): Buffer | null {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  let p = 2;
  while (p + 4 <= jpeg.length && jpeg[p] === 0xff) {
    const marker = jpeg[p + 1];
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end: no more metadata
    const len = jpeg.readUInt16BE(p + 2);
    if (marker === 0xe1 && jpeg.subarray(p + 4, p + 10).toString('latin1') === 'Exif\0\0')
      return jpeg.subarray(p + 10, Math.min(jpeg.length, p + 2 + len));
    p += 2 + len;
  }
  return null;
}

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Offset of the 4-byte value field within the TIFF. */
  at: number;
}

function fromTiff(t: Buffer): Date | null {
  if (t.length < 8) return null;
  const order = t.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const entries = (ifd: number): Entry[] => {
    if (ifd <= 0 || ifd + 2 > t.length) return [];
    const n = u16(ifd);
    const out: Entry[] = [];
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > t.length) break;
      out.push({ tag: u16(e), type: u16(e + 2), count: u32(e + 4), at: e + 8 });
    }
    return out;
  };
  const ascii = (e: Entry | undefined): string | null => {
    if (!e || e.type !== 2 || e.count === 0 || e.count > 64) return null;
    const start = e.count <= 4 ? e.at : u32(e.at);
    if (start + e.count > t.length) return null;
    return t
      .subarray(start, start + e.count)
      .toString('latin1')
      .replace(/\0.*$/s, '')
      .trim();
  };
  const ifd0 = entries(u32(4));
  const exifPointer = ifd0.find((e) => e.tag === 0x8769);
  const exif = exifPointer ? entries(u32(exifPointer.at)) : [];
  const original = ascii(exif.find((e) => e.tag === 0x9003));
  const offset = ascii(exif.find((e) => e.tag === 0x9011));
  return instant(original ?? ascii(ifd0.find((e) => e.tag === 0x0132)), original ? offset : null);
}

/** "2026:11:20 10:15:00" (+ "+08:00") → the instant; null when it is not a real time. */
export function instant(text: string | null, offset: string | null): Date | null {
  const m = DATE_TIME.exec(text ?? '');
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  if (y < 1990 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const o = OFFSET.exec(offset ?? '');
  const offsetMinutes = o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) : 8 * 60;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return null; // 31 April
  return new Date(ms);
}

/** A minimal JPEG carrying an EXIF DateTimeOriginal (and offset): for tests and fixtures. Not a decodable picture. */
export function jpegWithExifTime(dateTime: string, offset: string | null = null, bigEndian = false): Buffer {
  const le = !bigEndian;
  const entriesExif: Array<{ tag: number; text: string }> = [{ tag: 0x9003, text: dateTime }];
  if (offset) entriesExif.push({ tag: 0x9011, text: offset });
  // layout: header(8) | IFD0 (2 + 12 + 4) | Exif IFD (2 + 12n + 4) | strings
  const ifd0At = 8;
  const exifAt = ifd0At + 2 + 12 + 4;
  let dataAt = exifAt + 2 + 12 * entriesExif.length + 4;
  const buf = Buffer.alloc(dataAt + entriesExif.reduce((s, e) => s + e.text.length + 1, 0));
  const w16 = (o: number, v: number) => (le ? buf.writeUInt16LE(v, o) : buf.writeUInt16BE(v, o));
  const w32 = (o: number, v: number) => (le ? buf.writeUInt32LE(v, o) : buf.writeUInt32BE(v, o));
  buf.write(le ? 'II' : 'MM', 0, 'latin1');
  w16(2, 42);
  w32(4, ifd0At);
  w16(ifd0At, 1);
  w16(ifd0At + 2, 0x8769);
  w16(ifd0At + 4, 4);
  w32(ifd0At + 6, 1);
  w32(ifd0At + 10, exifAt);
  w32(ifd0At + 14, 0);
  w16(exifAt, entriesExif.length);
  entriesExif.forEach((e, i) => {
    const at = exifAt + 2 + i * 12;
    w16(at, e.tag);
    w16(at + 2, 2);
    w32(at + 4, e.text.length + 1);
    w32(at + 8, dataAt);
    buf.write(e.text, dataAt, 'latin1');
    dataAt += e.text.length + 1;
  });
  const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), buf]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(app1.length + 2, 0);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe1]),
    len,
    app1,
    Buffer.from([0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]),
  ]);
}
