import { inflateSync } from 'node:zlib';

import { encodePng, exifThumbnail, makeThumbnail, sniffEvidence, THUMBNAIL_MAX_SIDE } from './evidence-files';

describe('evidence files', () => {
  it('are typed by content: a JPEG, PNG, WebP or PDF, never by name (text is nothing)', () => {
    expect(sniffEvidence(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffEvidence(encodePng(2, 2, () => [1, 2, 3]))).toBe('image/png');
    expect(sniffEvidence(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffEvidence(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffEvidence(Buffer.from('this is a text file called photo.jpg'))).toBeNull();
  });

  it('thumbnails a large PNG down to the maximum side, keeping the picture', () => {
    const png = encodePng(800, 400, (x) => (x < 400 ? [255, 0, 0] : [0, 0, 255]));
    const t = makeThumbnail(png, 'image/png');
    expect(t?.mime).toBe('image/png');
    const content = t?.content as Buffer;
    expect(content.readUInt32BE(16)).toBe(THUMBNAIL_MAX_SIDE); // IHDR width
    expect(content.readUInt32BE(20)).toBe(THUMBNAIL_MAX_SIDE / 2); // IHDR height
    const idatLen = content.readUInt32BE(33);
    const raw = inflateSync(content.subarray(41, 41 + idatLen));
    expect([...raw.subarray(1, 5)]).toEqual([255, 0, 0, 255]); // left half red
    const row = THUMBNAIL_MAX_SIDE * 4 + 1;
    expect([...raw.subarray(row - 4, row)]).toEqual([0, 0, 255, 255]); // right half blue
  });

  it('leaves a small PNG as its own thumbnail and takes a JPEG’s EXIF thumbnail when it has one', () => {
    expect(
      makeThumbnail(
        encodePng(10, 10, () => [0, 0, 0]),
        'image/png',
      ),
    ).toBeNull();
    const thumb = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    // TIFF (little-endian): IFD0 with no entries → IFD1 with JPEGInterchangeFormat(Length)
    const tiff = Buffer.alloc(8 + 2 + 4 + 2 + 2 * 12 + 4 + thumb.length);
    tiff.write('II', 0, 'latin1');
    tiff.writeUInt16LE(42, 2);
    tiff.writeUInt32LE(8, 4);
    tiff.writeUInt16LE(0, 8);
    tiff.writeUInt32LE(14, 10);
    tiff.writeUInt16LE(2, 14);
    const dataAt = 16 + 24 + 4;
    tiff.writeUInt16LE(0x0201, 16);
    tiff.writeUInt16LE(4, 18);
    tiff.writeUInt32LE(1, 20);
    tiff.writeUInt32LE(dataAt, 24);
    tiff.writeUInt16LE(0x0202, 28);
    tiff.writeUInt16LE(4, 30);
    tiff.writeUInt32LE(1, 32);
    tiff.writeUInt32LE(thumb.length, 36);
    thumb.copy(tiff, dataAt);
    const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const len = Buffer.alloc(2);
    len.writeUInt16BE(app1.length + 2);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), len, app1, Buffer.from([0xff, 0xda, 0, 2])]);
    expect(exifThumbnail(jpeg)).toEqual(thumb);
    expect(makeThumbnail(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]), 'image/jpeg')).toBeNull();
  });
});
